/**
 * The app's start: fetches the data and the basemap style together, reads the link in the URL,
 * and hands the state everything found wrong (a missing layer, a basemap built for other data, a
 * link's bad values) as problems to show.
 */
import type { AppState } from './app-state.svelte.ts';
import { decodeUrlState, dropUnknownTypes } from './lib/url-state.ts';
import { loadAppData } from './load-data.ts';
import { loadBaseStyle, type BaseStyle } from './map/base-style.ts';
import { basemapFit } from './map/basemap-fit.ts';

/**
 * Loads into `app`; resolves to the base style. `onStyle` gets the style as soon as it is in, so
 * the map can start (its worker, the basemap's sources) while a large events file still loads.
 */
export async function loadApp(app: AppState, base: string, hash: string, onStyle?: (style: BaseStyle) => void): Promise<BaseStyle> {
  const [{ data, problems }, style] = await Promise.all([
    loadAppData(new URL('data/', base).href, (u) => fetch(u)),
    loadBaseStyle(base, (u) => fetch(u)).then((s) => (onStyle?.(s), s)),
  ]);
  const url = decodeUrlState(hash);
  const all = style.problem ? [...problems, style.problem] : problems;
  const fit = data && !style.problem ? basemapFit(style.style, data.events) : null;
  if (fit) all.push(fit);
  if (data) url.problems.push(...dropUnknownTypes(url.state, new Set(data.columns ? data.columns.strings.type.values() : data.events.map((f) => f.properties.type))));
  for (const p of url.problems) all.push({ code: 'bad-link', message: `Link: ${p}`, severity: 'warning' });
  if (data) app.init(data, all, url.state);
  else {
    app.problems = all;
    app.loading = false;
  }
  return style;
}
