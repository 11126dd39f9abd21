/**
 * Basemap glyphs: which Noto Sans glyph ranges and which font files the basemap ships, and how each
 * label character will render. Pure: the build script reads the files and hands in their bytes.
 *
 * MapLibre takes a glyph from, in order: a `font-faces` file whose unicode-range covers it; the
 * `glyphs` URL's range file; and, when that range file is missing (404), the browser's own fonts
 * (drawn locally). A range file that exists but lacks the glyph draws nothing: Noto Sans Regular's
 * Arabic range (1536-1791) is such an empty file, so it is never shipped.
 */
import type { LabelScript } from './basemap-labels.ts';

/** Latin, Latin Extended A/B/Additional, IPA, Greek, Cyrillic, punctuation, letterlike symbols. */
export const BASIC_RANGES: readonly number[] = [0, 256, 512, 768, 1024, 1280, 7680, 8192, 8448];

/** A font file for a script the glyph ranges lack. */
export interface ScriptFont {
  script: LabelScript;
  /** File name of the Noto font (Debian fonts-noto-core ships them all). */
  file: string;
  /** CSS unicode-range values the file draws. */
  ranges: string[];
  /** Shipped even when no basemap label needs it (the app's own labels may). */
  always?: boolean;
}

/** Scripts the Noto Sans glyph ranges lack, with the Noto font that draws them (SIL OFL). */
export const SCRIPT_FONTS: readonly ScriptFont[] = [
  // Arabic presentation forms too: maplibre-gl 6.17 shapes Arabic into them before asking for glyphs.
  { script: 'Arabic', file: 'NotoSansArabic-Regular.ttf', ranges: ['U+0600-06FF', 'U+0750-077F', 'U+08A0-08FF', 'U+FB50-FDFF', 'U+FE70-FEFF'], always: true },
  { script: 'Hebrew', file: 'NotoSansHebrew-Regular.ttf', ranges: ['U+0590-05FF', 'U+FB1D-FB4F'] },
  { script: 'Armenian', file: 'NotoSansArmenian-Regular.ttf', ranges: ['U+0530-058F', 'U+FB13-FB17'] },
  // Mtavruli (U+1C90-1CBF) too: country labels are upper-cased, which turns Georgian into it.
  { script: 'Georgian', file: 'NotoSansGeorgian-Regular.ttf', ranges: ['U+10A0-10FF', 'U+1C90-1CBF', 'U+2D00-2D2F'] },
];

/** How the label characters will render, by source. */
export interface GlyphReport {
  /** Range files shipped, e.g. `0-255`. */
  ranges: string[];
  /** Characters drawn from shipped range files. */
  pbf: number;
  /** Characters drawn from shipped font files. */
  fontFace: number;
  /** Characters left to the browser's fonts (no range file shipped for them). */
  local: number;
  /** Characters that will not show (`U+XXXX`): their range file is shipped but lacks them. */
  missing: string[];
}

/** `U+0600-06FF` → [0x600, 0x6ff]. */
export function parseUnicodeRange(r: string): [number, number] {
  const [a, b] = r.replace(/^U\+/i, '').split('-');
  return [parseInt(a, 16), parseInt(b ?? a, 16)];
}

/** The start of each 256-code-point range the characters need, beyond those font files cover. */
export function neededRanges(codePoints: Iterable<number>, faceRanges: ReadonlyArray<[number, number]>): number[] {
  const ranges = new Set(BASIC_RANGES);
  for (const cp of codePoints) if (!covers(faceRanges, cp)) ranges.add(Math.floor(cp / 256) * 256);
  return [...ranges].sort((a, b) => a - b);
}

/**
 * How each character renders, given the font files' ranges and the glyph ids of the range files
 * shipped (by range start). Whitespace is never missing: it has no glyph to draw.
 */
export function glyphReport(
  codePoints: Iterable<number>,
  faceRanges: ReadonlyArray<[number, number]>,
  shipped: ReadonlyMap<number, readonly number[]>,
): GlyphReport {
  const ids = new Set([...shipped.values()].flat());
  const report: GlyphReport = { ranges: [...shipped.keys()].sort((a, b) => a - b).map((s) => `${s}-${s + 255}`), pbf: 0, fontFace: 0, local: 0, missing: [] };
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
    if (covers(faceRanges, cp)) report.fontFace++;
    else if (ids.has(cp)) report.pbf++;
    else if (!shipped.has(Math.floor(cp / 256) * 256)) report.local++;
    else if (!/\s/u.test(String.fromCodePoint(cp))) report.missing.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return report;
}

/** Glyph ids in a glyph range file (protobuf: fontstack 1 → glyph 3 → id 1), no library needed. */
export function pbfGlyphIds(buf: Uint8Array): number[] {
  const ids: number[] = [];
  const walk = (start: number, end: number, onField: (field: number, value: number | [number, number]) => void) => {
    let i = start;
    const varint = () => {
      let x = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = buf[i++];
        x += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80 && i < end);
      return x;
    };
    while (i < end) {
      const tag = varint();
      const wire = tag & 7;
      if (wire === 0) onField(tag >>> 3, varint());
      else if (wire === 2) {
        const len = varint();
        onField(tag >>> 3, [i, Math.min(end, i + len)]);
        i += len;
      } else if (wire === 5) i += 4;
      else if (wire === 1) i += 8;
      else return; // not a glyph file: stop rather than misread
    }
  };
  walk(0, buf.length, (f, v) => {
    if (f !== 1 || typeof v === 'number') return;
    walk(v[0], v[1], (f2, v2) => {
      if (f2 !== 3 || typeof v2 === 'number') return;
      walk(v2[0], v2[1], (f3, v3) => {
        if (f3 === 1 && typeof v3 === 'number') ids.push(v3);
      });
    });
  });
  return ids;
}

function covers(ranges: ReadonlyArray<[number, number]>, cp: number): boolean {
  return ranges.some(([a, b]) => cp >= a && cp <= b);
}
