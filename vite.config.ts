import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { correctionsEndpoint } from './scripts/lib/corrections-endpoint.ts';

// The app is a static site: `public/` (basemap, glyphs, generated data) is copied as is into
// `dist/`, and nothing is fetched from outside the origin at run time. The dev server alone
// takes the reader's corrections (POST /__corrections) into the corpus's corrections.json.
export default defineConfig({
  plugins: [svelte(), correctionsEndpoint()],
  base: './',
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: 'dist', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
