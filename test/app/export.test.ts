import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { acledRows, csvField, exportEvents, exportSource, toCsv, xml } from '../../src/app/lib/export.ts';
import type { ArticleRecord, EventFeatureProperties, Place } from '../../src/core/model.ts';

const text = 'Shelling hit **Idlib**, "witnesses" said <b>today</b> & more.';
const article = { id: 'a1', title: 'T', outlet: 'Outlet, Inc.', url: 'https://example.org/a', text } as ArticleRecord;
const places: Record<string, Place> = {
  'p:idlib': { id: 'p:idlib', name: 'Idlib', kind: 'city', lat: 35.93, lon: 36.63, countryCode: 'SY', admin1: 'SY.07', population: 0, featureCode: 'PPLA', source: 'geonames' },
  'p:gov': { id: 'p:gov', name: 'Idlib Governorate', kind: 'admin1', lat: 35.8, lon: 36.6, countryCode: 'SY', admin1: 'SY.07', population: 0, featureCode: 'ADM1', source: 'geonames' },
};
const feature: Feature<Point, EventFeatureProperties> = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [36.633333, 35.930001] },
  properties: {
    id: 'a1#0@p:idlib', eventId: 'a1#0', articleId: 'a1', date: '2020-02-27', day: 18319, datePrecision: 'day', dateText: 'today',
    type: 'Explosions/Remote violence', subType: 'Shelling/artillery/missile attack', actors: 'Military Forces of Syria; Military Forces of Turkey',
    fatalities: null, geoPrecision: 1, placeId: 'p:idlib', placeName: 'Idlib', placeInferred: false, sentenceStart: 0, sentenceEnd: text.length,
  },
};
const src = exportSource([article], places);

describe('export', () => {
  it('makes one ACLED row per event and place, the sentence as notes without markup', () => {
    const [r] = acledRows([feature], src);
    expect(r).toMatchObject({
      event_date: '2020-02-27', time_precision: 1, actor1: 'Military Forces of Syria', actor2: 'Military Forces of Turkey',
      country: 'Syria', admin1: 'Idlib Governorate', location: 'Idlib', latitude: 35.93, longitude: 36.63333, geo_precision: 1,
      source: 'Outlet, Inc.', notes: 'Shelling hit Idlib, "witnesses" said today & more.', fatalities: null,
    });
    expect(r.event_id_cnty).toMatch(/^SY\d{8}$/);
    expect(acledRows([feature], src)[0].event_id_cnty).toBe(r.event_id_cnty);
  });

  it('quotes CSV fields that need it, doubles quotes, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    const csv = toCsv(acledRows([feature], src));
    const [head, row] = csv.split('\r\n');
    expect(head.split(',')).toHaveLength(17);
    expect(row).toContain('"Shelling hit Idlib, ""witnesses"" said today & more."');
    expect(row.endsWith(',')).toBe(true); // unknown fatalities stay empty, not 0
  });

  it('escapes KML text and drops the control characters XML forbids', () => {
    expect(xml('<b>&"\'\u0001')).toBe('&lt;b&gt;&amp;&quot;&apos;');
    const kml = [...exportEvents('kml', [feature], src).parts].join('');
    expect(kml).toContain('<description>Shelling hit Idlib, &quot;witnesses&quot; said today &amp; more.</description>');
    expect(kml).toContain('<when>2020-02-27</when>');
    expect(kml).toContain('<coordinates>36.63333,35.93</coordinates>');
    expect(kml).not.toMatch(/<b>/);
  });

  it('makes the file one row at a time, as the whole collection serialises', () => {
    const other = { ...feature, geometry: { type: 'Point' as const, coordinates: [37.1, 36.2] }, properties: { ...feature.properties, id: 'a1#0@p:gov', placeId: 'p:gov', placeName: 'Idlib Governorate', fatalities: 3 } };
    for (const features of [[], [feature], [feature, other, feature]]) {
      const rows = acledRows(features, src);
      const geojson = exportEvents('geojson', features, src);
      const parts = [...geojson.parts];
      expect(parts.length).toBe(Math.max(1, features.length + (features.length ? 1 : 0)));
      const collection = { type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [Number(r.longitude), Number(r.latitude)] }, properties: r })) };
      expect(parts.join('')).toBe(`${JSON.stringify(collection, null, 1)}\n`);
      const csv = [...exportEvents('csv', features, src).parts].join('');
      expect(csv.split('\r\n')).toHaveLength(features.length + 2);
      expect(csv).toBe(toCsv(rows));
      const kml = [...exportEvents('kml', features, src).parts].join('');
      expect(kml.match(/<Placemark>/g) ?? []).toHaveLength(features.length);
      expect(kml.startsWith('<?xml')).toBe(true);
      expect(kml.endsWith('</Document></kml>\n')).toBe(true);
    }
  });

  it('writes GeoJSON points with the ACLED columns as properties', () => {
    const fc = JSON.parse([...exportEvents('geojson', [feature], src).parts].join(''));
    expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [36.63333, 35.93] });
    expect(fc.features[0].properties.event_type).toBe('Explosions/Remote violence');
  });
});
