/**
 * A minimal static file server on 127.0.0.1 for the browser benchmarks and render checks: serves
 * URL prefixes from folders (and a few in-memory files), answers 404 for anything else (never a
 * fallback page, so a missing glyph range is a real 404 as on a static host), and records every
 * request path so a caller can check that nothing was asked of another origin.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** Content types of what the pages load. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.css': 'text/css',
  '.pbf': 'application/x-protobuf',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A running server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Paths requested so far, in order, with the status answered. */
  requests: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

/**
 * Serves `mounts` (URL prefix → folder, longest prefix first) and `files` (exact path → content).
 * Port 0 picks a free port.
 */
export async function startStaticServer(
  mounts: Record<string, string>,
  files: Record<string, string | Buffer> = {},
  port = 0,
): Promise<StaticServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const requests: StaticServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const answer = (status: number, body: string | Buffer, type = 'text/plain') => {
      requests.push({ path: urlPath, status });
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (urlPath in files) return answer(200, files[urlPath], TYPES[path.extname(urlPath)] ?? 'text/html; charset=utf-8');
    const prefix = prefixes.find((p) => urlPath.startsWith(p));
    if (!prefix) return answer(404, 'not found');
    const root = path.resolve(mounts[prefix]);
    const file = path.resolve(root, '.' + urlPath.slice(prefix.length - 1)); // prefixes end with '/'
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return answer(404, 'not found');
    answer(200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
