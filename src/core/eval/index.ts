/**
 * Stage `eval` (beside the pipeline): scoring against gold annotations. Geoparser recognition
 * and resolution figures (evaluate.ts), event matching and merge figures (score-events.ts), and
 * the fixed train / held-out split of the corpora (corpus-split.ts).
 *
 * Reads: predicted and gold documents and events (`model.ts` types). Gives `npm run eval` and
 * the training scripts their figures and splits. Imports only `model.ts` and `common/`; no
 * stage imports it.
 *
 * This file names the stage's interface; importers may equally import its modules directly.
 */
export { evaluate } from './evaluate.ts';
export { scoreEvents, scoreMerges } from './score-events.ts';
export { splitOf, reportSplitOf } from './corpus-split.ts';
