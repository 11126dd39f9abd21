/**
 * `npx tsx scripts/train-recogniser.ts [--out FILE]`: trains the toponym recognition model
 * (geodata/models/toponym-recogniser.json) on the TRAINING splits of the evaluation corpora
 * (src/core/eval/corpus-split.ts), never on the held-out fifth.
 *
 * Every candidate the recogniser generates (src/core/places/toponym-candidates.ts) becomes an
 * example, labelled yes when a gold toponym has exactly its span. GeoVirus leaves demonyms
 * out of its annotation by design, so its demonym candidates are not examples. The seed
 * articles are not used: they stay an independent check. Deterministic: same data, same weights.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cleanArticle } from '../src/core/text/clean-article.ts';
import { scoreCandidates } from '../src/core/places/find-toponyms.ts';
import { splitOf } from '../src/core/eval/corpus-split.ts';
import { DEFAULT_TRAIN_OPTIONS, probability, trainLogistic, type Example, type LinearModel } from '../src/core/common/linear-model.ts';
import { loadResources } from './lib/load-resources.ts';
import { parseArgs } from './lib/args.ts';

const args = parseArgs(process.argv.slice(2), { flags: [], options: ['out'] });
const OUT = args.options.out ?? 'geodata/models/toponym-recogniser.json';
/** Corpora and whether their guidelines annotate demonyms. */
const CORPORA = [
  { file: '../shared/eval/lgl.jsonl', demonyms: true },
  { file: '../shared/eval/geovirus.jsonl', demonyms: false },
];
const EMPTY_MODEL: LinearModel = { task: '', recipe: {}, threshold: 0.5, weights: {} };

const resources = { ...(await loadResources()), recogniser: EMPTY_MODEL };
const examples: Example[] = [];
for (const corpus of CORPORA) {
  if (!existsSync(corpus.file)) throw new Error(`${corpus.file} not found: the training corpora live in ../shared/eval`);
  let gold = 0;
  let covered = 0;
  for (const line of readFileSync(corpus.file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { id: string; text: string; toponyms: Array<{ start: number; end: number }> };
    if (splitOf(doc.id) !== 'train') continue;
    const spans = new Set(doc.toponyms.map((t) => `${t.start}:${t.end}`));
    const { article } = cleanArticle({ id: doc.id, text: doc.text, meta: {} });
    for (const s of scoreCandidates(article, resources)) {
      if (s.candidate.demonym && !corpus.demonyms) continue;
      const label = spans.has(`${s.candidate.start}:${s.candidate.end}`);
      if (label) covered += 1;
      examples.push({ features: s.features, label });
    }
    gold += doc.toponyms.length;
  }
  console.error(`${corpus.file}: ${gold} gold toponyms in the training split, ${covered} (${((100 * covered) / gold).toFixed(1)} %) have a candidate of exactly their span`);
}

const options = DEFAULT_TRAIN_OPTIONS;
const weights = trainLogistic(examples, options);
const model: LinearModel = {
  task: 'Is this candidate (src/core/places/toponym-candidates.ts) a place name? Logistic regression over src/core/places/toponym-features.ts.',
  recipe: {
    command: 'npx tsx scripts/train-recogniser.ts',
    data: CORPORA.map((c) => `${c.file} (training split: src/core/eval/corpus-split.ts)`),
    examples: examples.length,
    positives: examples.filter((e) => e.label).length,
    options,
  },
  threshold: 0.5,
  weights,
};
const tp = examples.filter((e) => e.label && probability(model, e.features) >= model.threshold).length;
const predicted = examples.filter((e) => probability(model, e.features) >= model.threshold).length;
console.error(`${examples.length} examples, ${Object.keys(weights).length} weights; on the training candidates: precision ${(tp / predicted).toFixed(3)}, recall ${(tp / examples.filter((e) => e.label).length).toFixed(3)}`);
writeFileSync(OUT, `${JSON.stringify(model, null, 1)}\n`);
console.error(`wrote ${OUT}`);
