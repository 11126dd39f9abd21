/**
 * Stage `events`: the sentences that report something that happened at a place, each a dated,
 * placed, typed `ConflictEvent` (ACLED's types and sub-types) tied to its sentence
 * (extract-events.ts over event-clauses.ts, event-types.ts, event-places.ts, actors.ts,
 * fatalities.ts and event-restatements.ts); across articles, the reports of one event merged
 * into one (merge-events.ts); and a person's corrections applied on every ingest
 * (corrections.ts).
 *
 * Reads: the `Article`, its `Publication` and `TemporalExpression`s (dates) and its `Mention`s
 * (places). Gives the layers stage the events of each article and the merged events of a run.
 * Imports only `model.ts`, `common/`, text, dates and places.
 *
 * This file names the stage's interface; importers may equally import its modules directly.
 */
export { extractEvents, type ExtractEventsInput } from './extract-events.ts';
export { mergeEvents, defaultRule, type MergeRule } from './merge-events.ts';
export { parseCorrections, applyCorrections, type Correction } from './corrections.ts';
