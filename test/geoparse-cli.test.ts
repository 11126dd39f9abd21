/**
 * The streaming interface as a batch engine uses it: JSONL in on stdin, JSONL only on stdout,
 * one line per good input line in order, problems on stderr.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GeoparseLine } from '../src/core/geoparse-line.ts';

function geoparse(input: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geoparse.ts'], { input, encoding: 'utf8', timeout: 240_000 });
}

describe('npm run geoparse', () => {
  it('writes one JSON line per article with offsets into the input text', () => {
    const text = readFileSync('geodata/corpus/003_aa627390f2ce3abe.txt', 'utf8');
    const input = [
      JSON.stringify({ id: 'seed-003', text }),
      JSON.stringify({ id: 'tripoli', text: 'Fighting resumed in Tripoli, Libya, on Monday.', published: '2020-04-08' }),
      '',
    ].join('\n');
    const run = geoparse(input);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as GeoparseLine);
    expect(lines.map((l) => l.id)).toEqual(['seed-003', 'tripoli']);
    expect(lines[0]).toMatchObject({ published: '2020-03-02', publishedPrecision: 'day' });
    for (const t of lines[0].toponyms) expect(text.slice(t.start, t.end)).toBe(t.surface);
    expect(lines[0].events.length).toBeGreaterThan(0);
    const tripoli = lines[1].toponyms.find((t) => t.surface === 'Tripoli')!;
    expect(tripoli).toMatchObject({ role: 'literal' });
    expect(tripoli.lon).toBeGreaterThan(9); // Libya's Tripoli, not Lebanon's (35.8 E)
    expect(tripoli.lon).toBeLessThan(20);
    expect(lines[1].published).toBe('2020-04-08');
  }, 240_000);

  it('reports a bad line on stderr and keeps going', () => {
    const run = geoparse(['{"id":"a","text":"Shelling hit Aleppo."}', 'not json', '{"id":"b"}', '{"id":"c","text":"Idlib."}'].join('\n'));
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['a', 'c']);
    expect(run.stderr).toMatch(/line 2: not valid JSON/);
    expect(run.stderr).toMatch(/line 3: no "text" string/);
  }, 240_000);
});
