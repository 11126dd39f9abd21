/**
 * GeoNames dumps as an extra gazetteer layer, on a hand-made North Darfur dump in the export/dump
 * format (test/fixtures/geonames-dump/SD.txt, and SD.zip holding it beside a readme.txt).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Gazetteer } from '../src/core/places/gazetteer.ts';
import { processArticle, type PipelineResources } from '../src/core/process-article.ts';
import { encodeIndex, readLayers } from '../scripts/build-gazetteer.ts';
import { addRow, emptyLayers, type PlaceRow } from '../scripts/lib/gazetteer-sources.ts';
import { dumpConfigPath, dumpEntries, dumpFeature, readDumpConfig, readGeoNamesDump, writeDumpConfig } from '../scripts/lib/geonames-dump.ts';
import { textLines, zipEntries } from '../scripts/lib/text-lines.ts';
import { loadCommonWords } from '../scripts/lib/load-resources.ts';
import { ROOT } from '../scripts/lib/load-gazetteer.ts';

const FIXTURES = join(ROOT, 'test/fixtures/geonames-dump');
const TXT = join(FIXTURES, 'SD.txt');
const ZIP = join(FIXTURES, 'SD.zip');

const ARTICLE =
  'EL FASHER, Sudan — Shelling hit the Zamzam camp near El Fasher on Tuesday, and families fled west to Tawila. ' +
  'Flights from El Fasher Airport stopped. Aid ships waited in the Gulf of Aden. Water was low at the Jebel Aulia Reservoir.';

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('reading dumps', () => {
  it('reads the .zip entry line by line, as the .txt, and leaves the readme out', async () => {
    expect(zipEntries(ZIP).map((e) => e.name)).toEqual(['SD.txt', 'readme.txt']);
    const fromTxt = await collect(textLines(TXT));
    const fromZip = await collect(textLines(ZIP, (name) => !/readme/.test(name)));
    expect(fromTxt).toHaveLength(21);
    expect(fromZip).toEqual(fromTxt);
    for (const line of fromTxt) expect(line.split('\t')).toHaveLength(19);
  });

  it('maps feature codes to kinds, and leaves out what the default layers hold or news does not name', () => {
    expect(dumpFeature('S', 'CMPRF', 0)).toEqual({ kind: 'site', tier: 3 });
    expect(dumpFeature('S', 'AIRP', 0)?.kind).toBe('site');
    expect(dumpFeature('S', 'HSP', 0)?.kind).toBe('site');
    expect(dumpFeature('S', 'MILB', 0)?.kind).toBe('site');
    expect(dumpFeature('A', 'ADM2', 0)?.kind).toBe('admin2');
    expect(dumpFeature('A', 'ADM3', 0)?.kind).toBe('admin2');
    expect(dumpFeature('H', 'GULF', 0)).toEqual({ kind: 'water', tier: 6 });
    expect(dumpFeature('H', 'STM', 0)).toEqual({ kind: 'water', tier: 1 });
    expect(dumpFeature('P', 'PPL', 0)).toEqual({ kind: 'village' });
    expect(dumpFeature('P', 'PPLA', 0)).toEqual({ kind: 'city' });
    expect(dumpFeature('A', 'ADM1', 2e6)).toBeNull();
    expect(dumpFeature('T', 'MT', 0)).toBeNull();
  });

  it('merges a geonameid already known (cities500) instead of repeating it', async () => {
    const layers = emptyLayers();
    const fasher: PlaceRow = {
      id: 'geonames:379555', name: 'El Fasher', kind: 'city', lat: 13.62793, lon: 25.34936, cc: 'SD', admin1: 'SD.55',
      population: 252609, featureCode: 'PPLA', source: 'geonames', names: new Set(['El Fasher', 'Al Fashir']),
    };
    addRow(layers, fasher);
    const stats = await readGeoNamesDump(layers, ZIP);
    expect(stats).toMatchObject({ lines: 21, added: 18, merged: 1, skipped: 2 });
    expect(layers.rows.filter((r) => r.id === 'geonames:379555')).toHaveLength(1);
    expect(layers.rows[0]).toMatchObject({ kind: 'city', population: 252609 });
    expect(layers.rows[0].names).toContain('Al-Fasher');
    expect(layers.rows.map((r) => r.id)).not.toContain('geonames:9000118'); // Jebel Marra, a mountain
  });

  it('ranks a dump village below a same-named city, and a camp under its stem', async () => {
    const layers = emptyLayers();
    addRow(layers, {
      id: 'geonames:369004', name: 'Nyala', kind: 'city', lat: 12.05, lon: 24.88, cc: 'SD', admin1: 'SD.54', population: 565734,
      featureCode: 'PPLA', source: 'geonames', names: new Set(['Nyala']),
    });
    await readGeoNamesDump(layers, TXT);
    const g = Gazetteer.fromIndex(encodeIndex(layers, 'test').index);
    expect(g.lookup('Nyala').map((c) => c.place.id)).toEqual(['geonames:369004', 'geonames:9000113']);
    expect(g.lookup('Zamzam')[0].place).toMatchObject({ id: 'geonames:9000101', kind: 'site', featureCode: 'CMPRF' });
    expect(g.lookup('Kabkabiya Locality')[0].place.kind).toBe('admin2');
  });
});

describe('remembering dumps', () => {
  it('lists them beside the cache, once each, with size and time for the fingerprint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geonames-dumps-'));
    try {
      const cache = join(dir, 'gazetteer');
      expect(readDumpConfig(cache)).toEqual([]);
      writeDumpConfig(cache, [ZIP]);
      writeDumpConfig(cache, [ZIP, TXT]);
      expect(dumpConfigPath(cache)).toBe(join(dir, 'geonames-dumps.json'));
      expect(readDumpConfig(cache)).toEqual([ZIP, TXT]);
      writeDumpConfig(cache, [join(dir, 'gone.zip')]);
      const entries = dumpEntries(cache);
      expect(entries.map((e) => e.size)).toEqual([readFileSync(ZIP).length, readFileSync(TXT).length, -1]);
      writeDumpConfig(cache, [], true);
      expect(readDumpConfig(cache)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the full gazetteer with the dump', () => {
  let base: Gazetteer;
  let withDump: Gazetteer;
  let resources: (g: Gazetteer) => PipelineResources;
  beforeAll(async () => {
    const layers = await readLayers();
    base = Gazetteer.fromIndex(encodeIndex(layers, 'base').index);
    await readGeoNamesDump(layers, ZIP);
    withDump = Gazetteer.fromIndex(encodeIndex(layers, 'dump').index);
    const commonWords = loadCommonWords();
    resources = (gazetteer) => ({ gazetteer, commonWords });
  }, 180_000);

  const resolved = (g: Gazetteer, text: string) =>
    processArticle({ id: 'darfur', text, meta: {} }, resources(g)).mentions.map((m) => `${m.surface} → ${m.place?.id ?? 'none'}`);

  it('finds the camp, the village, the airport and the reservoir of an article that names them', () => {
    const found = resolved(withDump, ARTICLE);
    // The camp of the default layer (geodata/curated/camps.json): the dump's Zamzam Camp, 1.4 km
    // away, takes its names and adds no second row.
    expect(found).toContain('Zamzam → curated:zamzam-camp');
    expect(withDump.get('geonames:9000101')).toBeUndefined();
    expect(found).toContain('Tawila → geonames:9000111');
    expect(found).toContain('Jebel Aulia Reservoir → geonames:9000116');
    // A water body the curated layer already has takes the dump's names, not a second row.
    expect(found).toContain('Gulf of Aden → curated:gulf-of-aden');
    expect(withDump.lookup('Khalij Adan')[0].place.id).toBe('curated:gulf-of-aden');
    expect(found.filter((f) => f.startsWith('El Fasher →'))).toContain('El Fasher → geonames:379555');
    // The airport of the default layer (the airports package), with the dump's names merged in.
    expect(found).toContain('El Fasher Airport → airport:ELF');
    expect(withDump.lookup('Al Fashir Airport')[0].place.id).toBe('airport:ELF');
  });

  it('without the dump, none of its rows (the camp, the reservoir) is found', () => {
    const found = resolved(base, ARTICLE);
    expect(found.some((f) => f.endsWith('geonames:9000101') || f.startsWith('Jebel Aulia Reservoir → geonames'))).toBe(false);
  });

  it('leaves the default places where they were: same rows, same order for their names', () => {
    for (let i = 0; i < base.size; i += 997) expect(withDump.placeAt(i)).toEqual(base.placeAt(i));
    for (const name of ['El Fasher', 'Nyala', 'Kutum', 'Khartoum', 'Tripoli', 'Aleppo', 'Idlib', 'Darfur', 'Red Sea']) {
      const old = base.lookup(name).map((c) => c.place.id);
      const now = withDump.lookup(name).map((c) => c.place.id).filter((id) => old.includes(id));
      expect(now).toEqual(old);
      expect(withDump.lookup(name)[0].place.id).toBe(old[0]);
    }
  });

  it('resolves a sample article exactly as before', () => {
    const text = readFileSync(join(ROOT, 'geodata/corpus/003_aa627390f2ce3abe.txt'), 'utf8');
    expect(resolved(withDump, text)).toEqual(resolved(base, text));
  });
});
