/**
 * `npx tsx scripts/train-ranker.ts [--out FILE]`: trains the place ranking model
 * (geodata/models/place-ranker.json) on the TRAINING splits of the evaluation corpora
 * (src/core/eval/corpus-split.ts), never on the held-out fifth.
 *
 * The shipped recogniser finds the names; every name whose span a gold toponym with
 * coordinates shares, and that has more than one candidate, gives one example per candidate,
 * labelled yes when the candidate lies within 161 km of the gold point. Run it after
 * train-recogniser.ts, and twice in a row (proximity features come from the model's own first
 * pass). Deterministic.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cleanArticle } from '../src/core/text/clean-article.ts';
import { findToponyms } from '../src/core/places/find-toponyms.ts';
import { rankingExamples } from '../src/core/places/resolve-places.ts';
import { splitOf } from '../src/core/eval/corpus-split.ts';
import { distanceKm } from '../src/core/common/geo.ts';
import { DEFAULT_TRAIN_OPTIONS, trainLogistic, type Example, type LinearModel } from '../src/core/common/linear-model.ts';
import { loadResources } from './lib/load-resources.ts';
import { parseArgs } from './lib/args.ts';

const args = parseArgs(process.argv.slice(2), { flags: [], options: ['out'] });
const OUT = args.options.out ?? 'geodata/models/place-ranker.json';
const CORPORA = ['../shared/eval/lgl.jsonl', '../shared/eval/geovirus.jsonl'];
const RADIUS_KM = 161;

const resources = await loadResources();
const examples: Example[] = [];
let names = 0;
for (const file of CORPORA) {
  if (!existsSync(file)) throw new Error(`${file} not found: the training corpora live in ../shared/eval`);
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { id: string; text: string; toponyms: Array<{ start: number; end: number; lat: number | null; lon: number | null }> };
    if (splitOf(doc.id) !== 'train') continue;
    const gold = new Map(doc.toponyms.filter((t) => t.lat != null && t.lon != null).map((t) => [`${t.start}:${t.end}`, t]));
    const { article } = cleanArticle({ id: doc.id, text: doc.text, meta: {} });
    const toponyms = findToponyms(article, resources);
    rankingExamples(toponyms).forEach((list, k) => {
      const g = gold.get(`${toponyms[k].start}:${toponyms[k].end}`);
      if (!g || list.length < 2) return;
      const labels = list.map((x) => distanceKm(g.lat!, g.lon!, x.candidate.place.lat, x.candidate.place.lon) <= RADIUS_KM);
      if (!labels.some(Boolean)) return;
      names += 1;
      list.forEach((x, i) => examples.push({ features: x.features, label: labels[i] }));
    });
  }
}
const options = DEFAULT_TRAIN_OPTIONS;
const model: LinearModel = {
  task: 'Does this gazetteer candidate mean the place the recognised name refers to? Logistic regression over src/core/places/place-features.ts; the resolver picks the most probable candidate.',
  recipe: {
    command: 'npx tsx scripts/train-ranker.ts (twice, after scripts/train-recogniser.ts)',
    data: CORPORA.map((c) => `${c} (training split: src/core/eval/corpus-split.ts)`),
    names,
    examples: examples.length,
    label: `candidate within ${RADIUS_KM} km of the gold point`,
    options,
  },
  threshold: 0.5,
  weights: trainLogistic(examples, options),
};
writeFileSync(OUT, `${JSON.stringify(model, null, 1)}\n`);
console.error(`${names} ambiguous names, ${examples.length} examples, ${Object.keys(model.weights).length} weights: wrote ${OUT}`);
