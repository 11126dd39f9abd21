/**
 * Stage `layers`: the files the app reads. Turns processed articles and merged events into the
 * events, mentions, areas and routes GeoJSON layers (RFC 7946, validated) and the articles file
 * with every span the reader highlights (build-layers.ts), and summarises the run: what was
 * read, skipped and why, what could not be placed (run-report.ts). Deterministic output.
 *
 * Reads: `ProcessedArticle`s and the events stage's merged events. Gives the app (through the
 * scripts that write `public/data/`) its layers and report. Imports only `model.ts`,
 * `common/` and the earlier stages.
 *
 * This file names the stage's interface; importers may equally import its modules directly.
 */
export { buildLayers, validateLayers, type BuiltLayers } from './build-layers.ts';
export { summariseRun } from './run-report.ts';
export { decodeEventColumns, encodeEventColumns, EventColumnsBuilder, LayoutError, type EventColumns } from './event-columns.ts';
