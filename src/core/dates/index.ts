/**
 * Stage `dates`: when an article was published (metadata, a dateline, a wire dateline, or
 * content inference; else undated) and what each date phrase of its content means, resolved
 * against that date (find-dates.ts runs both; find-publication.ts, find-temporal.ts,
 * wire-dateline.ts, chrono-parse.ts and calendar.ts do the work). No clock, ever.
 *
 * Reads: the `Article` of the text stage. Gives the events stage a `Publication` and the
 * article's `TemporalExpression`s (ISO dates with their precision and phrase). Imports only
 * `model.ts`, `common/` and text.
 *
 * This file names the stage's interface; importers may equally import its modules directly.
 */
export { findDates, findPublication, findTemporalExpressions } from './find-dates.ts';
