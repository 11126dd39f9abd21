/**
 * Builds the app once for the browser tests (and the bench) with Vite's API, into
 * `.cache/app-dist-<hash of the sources>`: a second test file, or a second run with unchanged
 * sources, reuses it. The build leaves `public/` out; tests mount the data they need (fixtures,
 * synthetic data, public/data) and the basemap beside it, so one build serves every data set.
 * Concurrent builders write to temporary folders and rename, so they never see half a build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const INPUTS = ['index.html', 'vite.config.ts', 'svelte.config.js', 'package-lock.json', 'src'];

/** Path of a built app (index.html + assets) for the current sources. */
export async function buildApp(): Promise<string> {
  const hash = sourceHash();
  const cache = path.join(REPO_ROOT, '.cache');
  const outDir = path.join(cache, `app-dist-${hash}`);
  if (existsSync(path.join(outDir, 'index.html'))) return outDir;
  mkdirSync(cache, { recursive: true });
  const tmp = path.join(cache, `app-dist-${hash}.tmp-${process.pid}-${Date.now()}`);
  const { build } = await import('vite');
  await build({
    root: REPO_ROOT,
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    publicDir: false,
    logLevel: 'error',
    build: { outDir: tmp, emptyOutDir: true, reportCompressedSize: false },
  });
  try {
    renameSync(tmp, outDir);
  } catch {
    // Another process finished first: its build is the same sources; use it.
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const old of readdirSync(cache)) {
    if (old.startsWith('app-dist-') && !old.startsWith(`app-dist-${hash}`) && !old.includes('.tmp-')) {
      rmSync(path.join(cache, old), { recursive: true, force: true });
    }
  }
  return outDir;
}

function sourceHash(): string {
  const h = createHash('sha256');
  const visit = (rel: string) => {
    const full = path.join(REPO_ROOT, rel);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(path.join(rel, name));
    } else {
      h.update(rel).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  for (const input of INPUTS) visit(input);
  return h.digest('hex').slice(0, 12);
}
