/**
 * A static file server on 127.0.0.1 for the browser tests, the screenshot script and the app
 * benchmark: serves a folder, with optional URL-prefix mounts over it (`/data/` from a fixture
 * folder, `/basemap/` from public/basemap) and optional in-memory files (the bench's generated
 * page and data). A missing file is a real 404, never a fallback page, as on a static host.
 */
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.pbf': 'application/x-protobuf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Every path requested, with its status, in order. */
  requests: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** URL prefix (ending in `/`) → folder served under it, e.g. `{ '/data/': 'test/fixtures/app' }`. */
  mounts?: Record<string, string>;
  /** Exact URL path → content, answered before any folder. */
  files?: Record<string, string | Buffer>;
  /** Port; 0 (default) picks a free one. */
  port?: number;
}

/** Serves `dir` (null: nothing outside the mounts and files), the mounts and the files until `close()`. */
export async function startStaticServer(dir: string | null, options: StaticServerOptions = {}): Promise<StaticServer> {
  const mounts = Object.entries(options.mounts ?? {}).sort((a, b) => b[0].length - a[0].length);
  const files = options.files ?? {};
  const requests: StaticServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (Object.hasOwn(files, urlPath)) {
      const body = files[urlPath];
      requests.push({ path: urlPath, status: 200 });
      res.writeHead(200, {
        'content-type': TYPES[path.extname(urlPath).toLowerCase()] ?? 'application/octet-stream',
        'content-length': Buffer.byteLength(body),
        'cache-control': 'no-store',
      });
      res.end(body);
      return;
    }
    const file = resolveFile(urlPath, dir, mounts);
    const stat = file ? statOrNull(file) : null;
    const status = stat?.isFile() ? 200 : 404;
    requests.push({ path: urlPath, status });
    if (!file || !stat?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The file for a URL path, or null when it would escape its folder. */
function resolveFile(urlPath: string, dir: string | null, mounts: Array<[string, string]>): string | null {
  let root = dir;
  let rest = urlPath;
  for (const [prefix, folder] of mounts) {
    if (urlPath.startsWith(prefix)) {
      root = folder;
      rest = urlPath.slice(prefix.length);
      break;
    }
  }
  if (root === null) return null;
  if (rest.endsWith('/') || rest === '') rest += 'index.html';
  const full = path.resolve(root, `.${path.posix.normalize(`/${rest}`)}`);
  return full.startsWith(path.resolve(root)) ? full : null;
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
