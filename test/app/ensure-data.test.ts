/**
 * `npm run data` (run by `npm start` and `npm test`) never overwrites a user's own data, even
 * when a source file is newer than it: only a folder holding the sample corpus is remade.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataOwner, MARKER } from '../../scripts/lib/sample-marker.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/app');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the fixture data set (someone's own articles), dated long ago: older than every source. */
function userData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'own-data-'));
  dirs.push(dir);
  cpSync(FIXTURES, dir, { recursive: true, filter: (f) => !f.includes('basemap') && !f.endsWith('.ts') });
  const old = new Date('2000-01-01');
  for (const f of readdirSync(dir)) utimesSync(path.join(dir, f), old, old);
  return dir;
}
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
const ensureData = (dir: string) =>
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/ensure-data.ts', '--data', dir, '--basemap', 'none'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm run data and your own data', () => {
  it('leaves a folder of your own data as it is, though the sources are newer', () => {
    const dir = userData();
    const before = snapshot(dir);
    expect(dataOwner(dir, 'geodata/corpus')).toBe('user');
    ensureData(dir);
    expect(snapshot(dir)).toEqual(before);
  });

  it('leaves it too when a sample marker is left over from before an ingest of your own', () => {
    const dir = userData();
    writeFileSync(path.join(dir, MARKER), JSON.stringify({ articlesSha256: 'of-the-sample-once' }));
    const before = snapshot(dir);
    expect(dataOwner(dir, 'geodata/corpus')).toBe('user');
    ensureData(dir);
    expect(snapshot(dir)).toEqual(before);
  });

  it('knows the sample corpus by its marker, and an empty folder as having none', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'no-data-'));
    dirs.push(empty);
    expect(dataOwner(empty, 'geodata/corpus')).toBe('none');
    const dir = userData();
    const hash = (execFileSync('sha256sum', [path.join(dir, 'articles.json')], { encoding: 'utf8' }).split(' ')[0]);
    writeFileSync(path.join(dir, MARKER), JSON.stringify({ articlesSha256: hash }));
    expect(dataOwner(dir, 'geodata/corpus')).toBe('sample');
  });
});
