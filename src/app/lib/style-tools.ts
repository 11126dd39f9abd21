/**
 * Helpers for the basemap style, whatever style the app is given: make its relative URLs
 * absolute (MapLibre resolves URLs in its workers, where a relative path means nothing), and
 * recolour it for dark mode in place: from the basemap's own dark variant when it ships one,
 * else by mirroring the lightness of every literal colour.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

/**
 * Returns a copy of `style` with sprite, glyphs, font-face and source URLs made absolute:
 * `baseFor(url)` says what each relative URL is relative to.
 */
export function absolutizeStyle(style: StyleSpecification, baseFor: string | ((url: string) => string)): StyleSpecification {
  const abs = (u: string) => resolveTemplate(u, typeof baseFor === 'string' ? baseFor : baseFor(u));
  const sources: StyleSpecification['sources'] = {};
  for (const [id, src] of Object.entries(style.sources ?? {})) {
    const s = { ...src } as Record<string, unknown>;
    if (typeof s.url === 'string') s.url = abs(s.url);
    if (Array.isArray(s.tiles)) s.tiles = (s.tiles as string[]).map(abs);
    if (typeof s.data === 'string') s.data = abs(s.data);
    sources[id] = s as unknown as StyleSpecification['sources'][string];
  }
  const out: StyleSpecification = { ...style, sources };
  if (typeof style.glyphs === 'string') out.glyphs = abs(style.glyphs);
  if (typeof style.sprite === 'string') out.sprite = abs(style.sprite);
  else if (Array.isArray(style.sprite)) out.sprite = style.sprite.map((s) => ({ ...s, url: abs(s.url) }));
  const faces = style['font-faces'];
  if (faces) {
    const resolved: Record<string, unknown> = {};
    for (const [font, f] of Object.entries(faces)) {
      resolved[font] = typeof f === 'string' ? abs(f) : f.map((face) => ({ ...face, url: abs(face.url) }));
    }
    out['font-faces'] = resolved as StyleSpecification['font-faces'];
  }
  return out;
}

/** Resolves a URL that may hold `{fontstack}`-style placeholders (which URL() would escape). */
export function resolveTemplate(url: string, base: string): string {
  return new URL(url, base).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}

/** One paint change for dark mode. */
export interface PaintOverride {
  layer: string;
  property: string;
  value: unknown;
}

/**
 * For each layer, the paint colour properties rewritten for a dark background (literal colours
 * and colours inside expressions). Apply with `setPaintProperty`; apply the layers' own values
 * to go back to light.
 */
export function darkPaintOverrides(layers: LayerSpecification[]): PaintOverride[] {
  const out: PaintOverride[] = [];
  for (const layer of layers) {
    const paint = (layer as { paint?: Record<string, unknown> }).paint;
    if (!paint) continue;
    for (const [property, value] of Object.entries(paint)) {
      if (!property.endsWith('-color')) continue;
      const dark = mapColors(value, invertLightness);
      if (JSON.stringify(dark) !== JSON.stringify(value)) out.push({ layer: layer.id, property, value: dark });
    }
  }
  return out;
}

/** The light values of the same properties, to undo `darkPaintOverrides`. */
export function lightPaint(layers: LayerSpecification[], overrides: PaintOverride[]): PaintOverride[] {
  const byId = new Map(layers.map((l) => [l.id, (l as { paint?: Record<string, unknown> }).paint ?? {}]));
  return overrides.map((o) => ({ ...o, value: byId.get(o.layer)?.[o.property] }));
}

/**
 * The paint values of `dark` that differ from `light`, layer by layer (same ids): how to turn a
 * loaded light basemap into its shipped dark variant without reloading the style.
 */
export function paintDiff(light: LayerSpecification[], dark: LayerSpecification[]): PaintOverride[] {
  const darkById = new Map(dark.map((l) => [l.id, (l as { paint?: Record<string, unknown> }).paint ?? {}]));
  const out: PaintOverride[] = [];
  for (const layer of light) {
    const to = darkById.get(layer.id);
    if (!to) continue;
    const from = (layer as { paint?: Record<string, unknown> }).paint ?? {};
    for (const property of new Set([...Object.keys(from), ...Object.keys(to)])) {
      if (JSON.stringify(from[property]) !== JSON.stringify(to[property])) out.push({ layer: layer.id, property, value: to[property] });
    }
  }
  return out;
}

function mapColors(value: unknown, f: (c: string) => string | null): unknown {
  if (typeof value === 'string') return f(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => mapColors(v, f));
  if (value && typeof value === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) o[k] = mapColors(v, f);
    return o;
  }
  return value;
}

/**
 * Same hue, lightness mirrored (L → 1 − L) and saturation eased, so a pale land fill becomes a
 * dark one and dark label text becomes light. Returns null for strings that are not colours.
 */
export function invertLightness(color: string): string | null {
  const rgba = parseColor(color);
  if (!rgba) return null;
  const [h, s, l] = rgbToHsl(rgba[0], rgba[1], rgba[2]);
  const [r, g, b] = hslToRgb(h, s * 0.75, 0.06 + (1 - l) * 0.86);
  const a = rgba[3];
  return a >= 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${a})`;
}

/** Parses #rgb, #rrggbb, #rrggbbaa, rgb(a)(), hsl(a)(), white, black → [r, g, b, a] (0–255, a 0–1). */
export function parseColor(c: string): [number, number, number, number] | null {
  const s = c.trim().toLowerCase();
  if (s === 'white') return [255, 255, 255, 1];
  if (s === 'black') return [0, 0, 0, 1];
  let m = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s);
  if (m) {
    const hex = m[1].length === 3 ? [...m[1]].map((x) => x + x).join('') : m[1];
    const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), hex.length === 8 ? n(6) / 255 : 1];
  }
  m = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(s);
  if (!m) return null;
  const parts = m[2].split(/[\s,/]+/).filter(Boolean);
  if (parts.length < 3) return null;
  const num = (p: string, scale: number) => (p.endsWith('%') ? (parseFloat(p) / 100) * scale : parseFloat(p));
  const a = parts[3] !== undefined ? num(parts[3], 1) : 1;
  if (m[1].startsWith('rgb')) {
    const [r, g, b] = parts.slice(0, 3).map((p) => num(p, 255));
    return [r, g, b, a].some((x) => Number.isNaN(x)) ? null : [Math.round(r), Math.round(g), Math.round(b), a];
  }
  const h = parseFloat(parts[0]);
  const sat = parseFloat(parts[1]) / 100;
  const l = parseFloat(parts[2]) / 100;
  if ([h, sat, l, a].some((x) => Number.isNaN(x))) return null;
  return [...hslToRgb(h, sat, l), a];
}

function rgbToHsl(r: number, g: number, b: number): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  h *= 60;
  return [h, s, l];
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const hp = (((h % 360) + 360) % 360) / 60;
  const x = c * (1 - Math.abs((hp % 2) - 1));
  const [r1, g1, b1] = hp < 1 ? [c, x, 0] : hp < 2 ? [x, c, 0] : hp < 3 ? [0, c, x] : hp < 4 ? [0, x, c] : hp < 5 ? [x, 0, c] : [c, 0, x];
  const m = l - c / 2;
  return [r1, g1, b1].map((v) => Math.round((v + m) * 255)) as [number, number, number];
}
