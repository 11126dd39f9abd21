/**
 * Stage `places`: which place names an article uses, in which role, and which place each
 * means. Recognition (find-toponyms.ts over toponym-candidates.ts, toponym-features.ts,
 * classify-role.ts, settlement-phrases.ts and name-lists.ts) finds the names and their role;
 * resolution (resolve-places.ts over place-features.ts and joint-nearness.ts) picks a gazetteer
 * place for each from the whole article. The gazetteer (gazetteer.ts, keyed by
 * normalize-name.ts) is a read-only view over the index the build script writes.
 *
 * Reads: the `Article` of the text stage and the loaded gazetteer. Gives the events stage
 * `Mention`s: span, surface, role, place (or none, with a nearby place for a settlement
 * phrase). Imports only `model.ts`, `common/`, text and dates.
 *
 * This file names the stage's interface; importers may equally import its modules directly.
 */
export { Gazetteer } from './gazetteer.ts';
export { normalizeName, looseKey } from './normalize-name.ts';
export { findToponyms, type RecognizerResources } from './find-toponyms.ts';
export { resolvePlaces, NEARNESS_WINDOW } from './resolve-places.ts';
