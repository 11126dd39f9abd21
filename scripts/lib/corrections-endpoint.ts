/**
 * The dev server's `/__corrections` (vite.config.ts; `npm start` only, never a static build):
 * the reader POSTs one corrections.json entry, and it is added to the corrections file of the
 * corpus the data was ingested from (report.json's `correctionsFile`), so the next ingest, and
 * every one after, applies it. The entry is checked as the ingest checks it; nothing else is
 * written, and a request from another origin is refused.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { parseCorrections } from '../../src/core/events/corrections.ts';
import { writeAtomic } from './output.ts';

/** The answer to one POST: a status and a JSON body. */
export interface SaveResult {
  status: number;
  body: { ok: boolean; file?: string; count?: number; message?: string };
}

/** Adds one entry (the request body) to the corrections file named in `<dataDir>/report.json`. */
export function saveCorrection(body: string, root: string, dataDir = 'public/data'): SaveResult {
  let entry: unknown;
  try {
    entry = JSON.parse(body);
  } catch {
    return { status: 400, body: { ok: false, message: 'the body is not JSON' } };
  }
  const checked = parseCorrections([entry]);
  if (checked.problems.length) return { status: 400, body: { ok: false, message: checked.problems[0].message } };
  const reportPath = join(root, dataDir, 'report.json');
  const named = existsSync(reportPath) ? (JSON.parse(readFileSync(reportPath, 'utf8')) as { correctionsFile?: string }).correctionsFile : undefined;
  if (!named) return { status: 409, body: { ok: false, message: 'the data names no corrections file (ingest a folder first)' } };
  const file = isAbsolute(named) ? named : join(root, named);
  let existing: unknown[] = [];
  if (existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      existing = Array.isArray(parsed) ? parsed : ((parsed as { corrections?: unknown[] }).corrections ?? []);
    } catch {
      return { status: 409, body: { ok: false, message: `${named} is not valid JSON; fix it by hand first` } };
    }
  }
  const corrections = [...existing, entry];
  writeAtomic(file, `${JSON.stringify({ corrections }, null, 1)}\n`);
  return { status: 200, body: { ok: true, file: relative(root, file) || file, count: corrections.length } };
}

/** The Vite plugin: POST /__corrections on the dev server. */
export function correctionsEndpoint(root = process.cwd()): Plugin {
  return {
    name: 'conflict-map-corrections',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/__corrections', (req, res) => {
        const send = (r: SaveResult) => {
          res.statusCode = r.status;
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(r.body));
        };
        const origin = req.headers.origin;
        if (req.method !== 'POST') return send({ status: 405, body: { ok: false, message: 'POST an entry' } });
        if (origin && new URL(origin).host !== req.headers.host) return send({ status: 403, body: { ok: false, message: 'another origin' } });
        let body = '';
        req.on('data', (chunk: Buffer) => {
          body += chunk.toString('utf8');
          if (body.length > 100_000) req.destroy();
        });
        req.on('end', () => send(saveCorrection(body, root)));
      });
    },
  };
}
