import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { glyphReport, neededRanges, parseUnicodeRange, pbfGlyphIds, SCRIPT_FONTS } from '../src/core/basemap/basemap-glyphs.ts';

const noto = path.join('node_modules', 'tileserver-gl-styles', 'fonts', 'Noto Sans Regular');
const ids = (range: string) => pbfGlyphIds(fs.readFileSync(path.join(noto, `${range}.pbf`)));

describe('glyphs', () => {
  it('reads glyph ids from a range file: Latin Extended-A has the Turkish letters, the Arabic file is empty', () => {
    const latinA = ids('256-511');
    for (const ch of 'ŞşİıĞğ') expect(latinA).toContain(ch.codePointAt(0));
    expect(ids('1536-1791')).toEqual([]);
    expect(pbfGlyphIds(new Uint8Array([0xff, 0xff, 0xff]))).toEqual([]); // garbage: nothing, no throw
  });

  it('needs no range for what a font file draws', () => {
    const arabic = SCRIPT_FONTS.find((f) => f.script === 'Arabic')!.ranges.map(parseUnicodeRange);
    const needed = neededRanges(['ح', 'ﺣ', 'Ş', '中'].map((c) => c.codePointAt(0)!), arabic);
    expect(needed).toContain(256);
    expect(needed).toContain(19968); // 中: its range will be asked for (and fall back locally if absent)
    expect(needed).not.toContain(1536);
    expect(needed).not.toContain(65024);
  });

  it('reports a character whose shipped range lacks it as missing, and one with no range file as local', () => {
    const shipped = new Map([[0, [65, 66]]]);
    const report = glyphReport([65, 67, 32, 0x4e2d, 0x62d], [[0x600, 0x6ff]], shipped);
    expect(report).toEqual({ ranges: ['0-255'], pbf: 1, fontFace: 1, local: 1, missing: ['U+0043'] });
  });
});
