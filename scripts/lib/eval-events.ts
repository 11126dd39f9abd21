/**
 * Event evaluation for `npm run eval -- <gold.json>` (gold shaped like
 * test/gold/seeds-gold.json, one key per article file). The article texts come from a
 * folder (default: the bundled sample corpus). Two runs: bare text, which scores publication
 * dates found from the text alone, and with the folder's metadata (approximate dates of
 * undated articles), which scores events: found, missed, spurious, date, place within 25 km,
 * type.
 */
import { readFileSync } from 'node:fs';
import { processArticle, type PipelineResources } from '../../src/core/process-article.ts';
import { scoreEvents, type GoldEvents } from '../../src/core/score-events.ts';
import type { RawArticle } from '../../src/core/model.ts';
import { readArticles } from './read-articles.ts';

/** Runs both event evaluations and prints their figures. */
export async function runEventEvaluation(goldFile: string, resources: PipelineResources, options: { texts?: string }): Promise<void> {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldEvents;
  const folder = options.texts ?? 'geodata/corpus';
  const { articles } = await readArticles([folder]);
  const idOf = (key: string) => key.replace(/\.[a-z]+$/i, '');
  const keys = Object.keys(gold).filter((k) => !k.startsWith('_'));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const missing = keys.filter((k) => !byId.has(idOf(k)));
  if (missing.length > 0) process.stdout.write(`no text in ${folder} for: ${missing.join(', ')}\n`);
  const present = keys.map((k) => byId.get(idOf(k))).filter((a): a is RawArticle => !!a);

  const out = [`\n${goldFile}: ${present.length} articles (texts from ${folder})`, 'publication dates from bare text (no metadata):'];
  for (const raw of present) {
    const { publication } = processArticle({ ...raw, meta: {} }, resources);
    const goldEntry = gold[`${raw.id}.txt`] as { published?: string; published_precision?: string } | undefined;
    out.push(
      `  ${raw.id.padEnd(24)} ${String(publication.published).padEnd(10)} ${publication.precision.padEnd(11)} ${publication.source.padEnd(8)}` +
        ` gold ${goldEntry?.published ?? '?'} (${goldEntry?.published_precision ?? '?'})  ${publication.evidence.slice(0, 60)}`,
    );
  }
  const predicted = present.flatMap((raw) => processArticle(raw, resources).events);
  const score = scoreEvents(gold, predicted, { articleIdOf: idOf });
  const pct = (r: { hits: number; total: number; rate: number }) => `${r.hits}/${r.total} (${(r.rate * 100).toFixed(0)}%)`;
  out.push(
    'events, with the folder\'s metadata:',
    `  gold (non-optional) ${score.goldCore}, predicted ${score.predicted}, found ${score.found}, missed ${score.missed}, ` +
      `optional found ${score.optionalFound}, spurious ${score.spurious}`,
    `  recall ${score.recall.toFixed(3)}, precision ${score.precision.toFixed(3)}; over matched pairs: date ${pct(score.dateExact)}, ` +
      `place ≤25 km ${pct(score.placeWithin)}, type ${pct(score.typeAgreement)}, sub-type ${pct(score.subTypeAgreement)}, fatalities ${pct(score.fatalities)}`,
  );
  for (const a of score.articles) {
    out.push(`  ${a.articleId.padEnd(24)} gold ${a.goldCore} found ${a.found} missed ${a.missed} spurious ${a.spurious}${a.spuriousIds.length ? ` (${a.spuriousIds.join(', ')})` : ''}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
