/**
 * Export what you see, in headless Chromium on the fixture data: the listed events downloaded as
 * CSV, GeoJSON and KML made in the browser (the same rows as the window shows), and a copied link
 * that reopens the view. Plus `npm run export` on the same data.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './lib/app-build.ts';
import { openApp, visibleIds } from './lib/app-page.ts';
import type { StaticServer } from './lib/static-server.ts';
import { appSuite } from './lib/app-suite.ts';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/app');

let server: StaticServer;
let page: Page;
const suite = appSuite(FIXTURES, { context: { reducedMotion: 'reduce', acceptDownloads: true }, permissions: ['clipboard-read', 'clipboard-write'] });
beforeAll(() => ({ server, page } = suite));

async function download(name: string): Promise<{ file: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Export' }).getByRole('button', { name, exact: true }).click()]);
  const file = await d.path();
  return { file: d.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

describe('export from the app', () => {
  it('downloads the listed events as ACLED CSV, GeoJSON and KML', async () => {
    await openApp(page, server.url, 'd=2020-03-02&w=7');
    const ids = await visibleIds(page);
    expect(ids.length).toBe(6);

    const csv = await download('CSV');
    expect(csv.file).toBe('conflict-map-2020-03-02.csv');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,source_url,notes,fatalities',
    );
    expect(lines).toHaveLength(1 + ids.length);
    expect(csv.text).toContain('Thirty-three Turkish soldiers were killed on Thursday in an air strike in Idlib.');
    expect(csv.text).toMatch(/\r\nSY\d{8},2020-02-27,1,Explosions\/Remote violence,Air\/drone strike,/);

    const geo = JSON.parse((await download('GeoJSON')).text);
    expect(geo.features).toHaveLength(ids.length);
    expect(geo.features.every((f: { properties: { event_date: string } }) => f.properties.event_date <= '2020-03-02')).toBe(true);

    const kml = await download('KML');
    expect(kml.file).toBe('conflict-map-2020-03-02.kml');
    expect(kml.text.match(/<Placemark>/g)).toHaveLength(ids.length);
    // The hostile article's markup is escaped, never written as tags.
    expect(kml.text).not.toMatch(/<script|<img/);
  });

  it('exports every date when the list shows all dates, and copies a link to the view', async () => {
    await openApp(page, server.url, 'd=2020-03-02&w=7&q=idlib');
    await page.getByLabel('all dates').check();
    const csv = await download('CSV');
    expect(csv.file).toBe('conflict-map-all-dates.csv');
    expect(csv.text.trimEnd().split('\r\n').length - 1).toBe(await page.locator('[aria-label="Events"] ol > li button.row').count());
    await page.getByRole('button', { name: 'Copy link' }).click();
    // The clipboard write is asynchronous: wait for its note.
    await page.getByTestId('export-note').filter({ hasText: /^Link copied$/ }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#.*d=2020-03-02/);
    expect(link).toContain('q=idlib');
  });
});

describe('npm run export', () => {
  it('writes the same columns from a data folder, filtered by date', () => {
    const run = (...args: string[]) => execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/export.ts', '--data', FIXTURES, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
    const csv = run('--format', 'csv', '--from', '2020-02-27', '--to', '2020-02-27');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(3);
    const kml = run('--format', 'kml');
    expect(kml).toMatch(/^<\?xml/);
    expect(JSON.parse(run('--format', 'geojson')).type).toBe('FeatureCollection');
  });
});
