/**
 * The Vite dev server, as `npm start` runs it (after `npm run data`), started in-process on a
 * free port of 127.0.0.1: it serves the app from the sources and `public/` (data and basemap) as
 * they are on disk. Its dependency cache is kept apart from a developer's own.
 */
import path from 'node:path';
import { REPO_ROOT } from './app-build.ts';

export interface DevServer {
  url: string;
  close(): Promise<void>;
}

export async function startDevServer(): Promise<DevServer> {
  const { createServer } = await import('vite');
  const server = await createServer({
    root: REPO_ROOT,
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    cacheDir: path.join(REPO_ROOT, '.cache/vite-test'),
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the Vite dev server has no local URL');
  return { url, close: () => server.close() };
}
