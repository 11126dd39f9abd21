/**
 * Stage `common`: the small, domain-free helpers every later stage may use: great-circle
 * distance and UTC day numbers (geo.ts), span look-ups in logarithmic time (span-index.ts), a
 * seeded PRNG (seeded-random.ts), a string hash (hash.ts) and a sparse logistic-regression model with its trainer
 * (linear-model.ts).
 *
 * Reads: numbers, spans and `model.ts` types only. Gives: pure functions, no state. Imports
 * nothing of the pipeline's stages (order: model → common → text → dates → places → events →
 * layers; basemap and eval beside, on model and common only; see test/architecture.test.ts).
 *
 * This file names the stage's interface; importers may equally import its modules directly.
 */
export { distanceKm, approxDistanceKm, dayNumber, isoFromDay } from './geo.ts';
export { overlapsAny, spansWithin, lastBelow } from './span-index.ts';
export { mulberry32 } from './seeded-random.ts';
export { fnv1a } from './hash.ts';
export { probability, score, trainLogistic, type LinearModel } from './linear-model.ts';
