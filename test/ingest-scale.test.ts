/**
 * The ingest at scale, on a seeded corpus of real news paragraphs (scripts/lib/scale-corpus.ts)
 * in a temporary folder: a run that adds articles to a cached corpus processes only those and
 * writes byte for byte what a full run writes (with workers or without); and a run killed with
 * SIGKILL, in its first pass or while it writes the new set, leaves the previous set whole, and
 * the next run leaves nothing of it behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../scripts/ingest.ts';
import { makeScaleCorpus } from '../scripts/lib/scale-corpus.ts';

let root: string;
const FIRST = 400;
const ADDED = 40;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ingest-scale-'));
  makeScaleCorpus(join(root, 'corpus'), FIRST, { seed: 3 });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file of a folder, name → content. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('incremental ingest', () => {
  it('processes only the added articles and writes what a full run writes', async () => {
    const cache = join(root, 'cache-incremental');
    const first = { processed: 0, cached: 0 };
    await ingest([join(root, 'corpus')], join(root, 'incremental'), { cacheDir: cache, jobs: 2, stats: first });
    expect(first).toEqual({ processed: FIRST, cached: 0 });

    makeScaleCorpus(join(root, 'corpus'), ADDED, { seed: 3, first: FIRST });
    const added = { processed: 0, cached: 0 };
    await ingest([join(root, 'corpus')], join(root, 'incremental'), { cacheDir: cache, jobs: 1, stats: added });
    expect(added).toEqual({ processed: ADDED, cached: FIRST });

    const full = { processed: 0, cached: 0 };
    await ingest([join(root, 'corpus')], join(root, 'full'), { cacheDir: join(root, 'cache-full'), jobs: 2, stats: full });
    expect(full).toEqual({ processed: FIRST + ADDED, cached: 0 });
    const expected = files(join(root, 'full'));
    expect(Object.keys(expected)).toEqual(['areas.geojson', 'articles.json', 'events.geojson', 'layout.json', 'mentions.geojson', 'report.json', 'routes.geojson']);
    expect(files(join(root, 'incremental'))).toEqual(expected);
  }, 300_000);
});

describe('a killed ingest', () => {
  /** Starts the ingest in a child process and kills it with SIGKILL once `when` holds (checked every 20 ms). */
  function killWhen(out: string, cache: string, when: () => boolean): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', join(root, 'corpus'), '--out', out], {
        env: { ...process.env, INGEST_CACHE_DIR: cache },
        stdio: 'ignore',
      });
      const timer = setInterval(() => {
        if (when()) child.kill('SIGKILL');
      }, 20);
      child.on('exit', (code, signal) => {
        clearInterval(timer);
        resolve(signal ?? `exit ${code}`);
      });
      child.on('error', reject);
    });
  }

  it('leaves the previous set whole, in either pass, and the next run cleans up', async () => {
    const out = join(root, 'sets', 'data');
    const cache = join(root, 'cache-kill');
    // The previous set: the corpus's first 100 articles.
    await ingest([join(root, 'corpus', 'scale-part-0000.jsonl')], out, { cacheDir: cache, jobs: 1 });
    const previous = files(out);
    const leftovers = () => readdirSync(join(root, 'sets')).filter((f) => f !== 'data');

    // In the first pass: new articles being processed into the cache.
    const cacheEntries = () => (existsSync(cache) ? readdirSync(cache, { recursive: true }).length : 0);
    const before = cacheEntries();
    expect(await killWhen(out, cache, () => cacheEntries() > before + 20)).toBe('SIGKILL');
    expect(files(out)).toEqual(previous);

    // In the second pass: the new set being written beside the old (everything cached, so it gets there quickly).
    await ingest([join(root, 'corpus')], join(root, 'warm'), { cacheDir: cache, jobs: 2 });
    expect(await killWhen(out, cache, () => leftovers().some((f) => f.includes('.new-')))).toBe('SIGKILL');
    expect(leftovers().length).toBeGreaterThan(0);
    expect(files(out)).toEqual(previous);

    // The next run swaps its set in and leaves no temporary folder or file.
    await ingest([join(root, 'corpus')], out, { cacheDir: cache, jobs: 1 });
    expect(files(out)).toEqual(files(join(root, 'warm')));
    expect(leftovers()).toEqual([]);
    const tmp = readdirSync(cache).flatMap((version) => readdirSync(join(cache, version, '.tmp')));
    expect(tmp).toEqual([]);
  }, 300_000);
});
