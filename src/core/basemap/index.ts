/**
 * Stage `basemap` (beside the pipeline): the pure steps of the offline basemap. Where it carries
 * detail, from the data's extent (basemap-extent.ts); the geometry of its sources
 * (basemap-features.ts) and of rivers and lakes (basemap-hydro.ts); which places are labelled
 * and in which script (basemap-labels.ts) and which glyphs that needs (basemap-glyphs.ts); and
 * the MapLibre style itself (basemap-style.ts).
 *
 * Reads: the data layers' geometry and the records (Natural Earth, GeoNames, GSHHG) that
 * scripts/build-basemap.ts and scripts/extract-hydro.ts load. Gives those scripts the sources
 * and style they write to `public/basemap/`. Imports only `model.ts` and `common/`; no stage
 * imports it.
 *
 * This file names the stage's interface; importers may equally import its modules directly.
 */
export { computeBasemapExtent } from './basemap-extent.ts';
export { clipGeometry, roundGeometry } from './basemap-features.ts';
export { selectHydro } from './basemap-hydro.ts';
export { labelMinZooms, pickLocalName } from './basemap-labels.ts';
export { glyphReport } from './basemap-glyphs.ts';
export { buildBasemapStyle } from './basemap-style.ts';
