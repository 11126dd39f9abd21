/**
 * Event evaluation for `npm run eval -- <gold.json>` (gold shaped like
 * test/gold/seeds-gold.json, one key per article file). The article texts come from `--texts`,
 * else the folder the gold's `_corpus.texts` names (relative to the gold file), else the
 * bundled sample corpus. Two runs: bare text, which scores publication dates found from the
 * text alone, and with the folder's metadata, which scores events: found, missed, spurious,
 * date, place within 25 km, type, fatalities, and the literal places within 25 km. A gold whose
 * articles carry a `part` (the reports corpus: dev / held-out) is also scored part by part. The
 * merge of reports of one event (merge-events.ts) is scored pairwise against the gold `cluster`s,
 * over the predictions matched to gold events (scoreMerges), all pairs and across articles only,
 * and on a split corpus part by part (pairs with both reports in the part, then pairs across
 * parts); the wrong pairs are listed for the dev part only, the held-out part only counted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { processArticle, type PipelineResources } from '../../src/core/process-article.ts';
import { booleanPointInPolygon } from '@turf/turf';
import type { Gazetteer } from '../../src/core/places/gazetteer.ts';
import { dateMatches, eventFigures, literalPlacesWithin, reportsSharingCluster, scoreEvents, scoreMerges, type AreaTest, type GoldEvents, type GoldToponymPoint, type MergeScore, type Rate } from '../../src/core/eval/score-events.ts';
import type { ProcessedArticle, RawArticle } from '../../src/core/model.ts';
import { mergeContext } from '../../src/core/events/corrections.ts';
import { mergeEvents } from '../../src/core/events/merge-events.ts';
import { readArticles } from './read-articles.ts';

/** What the evaluation reads of one gold article. */
interface GoldArticle {
  published?: string | null;
  published_precision?: string;
  part?: string;
  toponyms?: GoldToponymPoint[];
  events?: unknown[];
}

/** Per-article lines are printed for small corpora only. */
const LIST_ARTICLES_UP_TO = 10;
/** How many wrong merge pairs are listed (for the development part only, on a split corpus). */
const LIST_MERGE_ERRORS_UP_TO = 20;
/** The part whose errors may be read: the held-out part is scored, never listed. */
const DEVELOPMENT_PART = 'dev';
const PLACE_KM = 25;

/** Runs both event evaluations and prints their figures. */
export async function runEventEvaluation(goldFile: string, resources: PipelineResources, options: { texts?: string }): Promise<void> {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldEvents & { _corpus?: { texts?: string } };
  const folder = options.texts ?? (gold._corpus?.texts ? path.join(path.dirname(goldFile), gold._corpus.texts) : 'geodata/corpus');
  const { articles } = await readArticles([folder]);
  const idOf = (key: string) => key.replace(/\.[a-z]+$/i, '');
  const keys = Object.keys(gold).filter((k) => !k.startsWith('_'));
  const entry = (id: string) => (gold[`${id}.txt`] ?? gold[id]) as GoldArticle | undefined;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const missing = keys.filter((k) => !byId.has(idOf(k)));
  if (missing.length > 0) process.stdout.write(`no text in ${folder} for: ${missing.join(', ')}\n`);
  const present = keys.map((k) => byId.get(idOf(k))).filter((a): a is RawArticle => !!a);

  const out = [`\n${goldFile}: ${present.length} articles (texts from ${folder})`, 'publication dates from bare text (no metadata):'];
  const bare = present.map((raw) => ({ raw, publication: processArticle({ ...raw, meta: {} }, resources).publication }));
  let datedRight = 0;
  for (const { raw, publication } of bare) {
    const g = entry(raw.id);
    if (g?.published && publication.published && dateMatches({ date: g.published, date_precision: 'day' }, publication.published)) datedRight += 1;
    if (present.length > LIST_ARTICLES_UP_TO) continue;
    out.push(
      `  ${raw.id.padEnd(24)} ${String(publication.published).padEnd(10)} ${publication.precision.padEnd(11)} ${publication.source.padEnd(8)}` +
        ` gold ${g?.published ?? '?'} (${g?.published_precision ?? '?'})  ${publication.evidence.slice(0, 60)}`,
    );
  }
  const undated = bare.filter((b) => !b.publication.published).length;
  out.push(`  the gold day: ${datedRight}/${present.length}; undated ${undated}`);

  const processed = present.map((raw) => processArticle(raw, resources));
  const predicted = processed.flatMap((p) => p.events);
  const sameArea = areaTest(resources.gazetteer);
  const score = scoreEvents(gold, predicted, { articleIdOf: idOf, sameArea });
  const pct = (r: { hits: number; total: number; rate: number }) => `${r.hits}/${r.total} (${(r.rate * 100).toFixed(0)}%)`;
  out.push(
    'events, with the folder\'s metadata:',
    `  gold (non-optional) ${score.goldCore}, predicted ${score.predicted}, found ${score.found}, missed ${score.missed}, ` +
      `optional found ${score.optionalFound}, spurious ${score.spurious}`,
    `  recall ${score.recall.toFixed(3)}, precision ${score.precision.toFixed(3)}; over matched pairs: date ${pct(score.dateExact)}, ` +
      `place ≤25 km ${pct(score.placeWithin)}, type ${pct(score.typeAgreement)}, sub-type ${pct(score.subTypeAgreement)}, fatalities ${pct(score.fatalities)}`,
  );
  if (present.length <= LIST_ARTICLES_UP_TO) {
    for (const a of score.articles) {
      out.push(`  ${a.articleId.padEnd(24)} gold ${a.goldCore} found ${a.found} missed ${a.missed} spurious ${a.spurious}${a.spuriousIds.length ? ` (${a.spuriousIds.join(', ')})` : ''}`);
    }
  }
  // Merging across reports, judged on its own: over the predictions matched to gold events.
  const merged = mergeEvents(predicted, mergeContext(processed, resources.gazetteer));
  const mergedIdOf = new Map(merged.merges.flatMap((m) => m.sources.map((s) => [s.eventId, m.id] as const)));
  const mergeScore = (keepPair?: (a: string, b: string) => boolean, acrossArticlesOnly?: boolean) =>
    scoreMerges(gold, score.pairs, (id) => mergedIdOf.get(id) ?? id, { articleIdOf: idOf, keepPair, acrossArticlesOnly });
  const merges = mergeScore();
  // Pairs within one article are the restatement folding's (event-restatements.ts), never merged here.
  const across = mergeScore(undefined, true);
  const figures = (m: MergeScore) => `precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)} (pairs merged right ${m.truePositives}, wrongly ${m.falsePositives}, left apart ${m.falseNegatives})`;
  const parts = [...new Set(present.map((raw) => entry(raw.id)?.part).filter((p): p is string => !!p))].sort();
  out.push(
    `merging reports of one event (pairs of matched predictions against the gold clusters): events ${predicted.length} → ${merged.events.length}, ` +
      `${merged.merges.length} merged from ${merged.merges.reduce((n, m) => n + m.sources.length, 0)} reports`,
    `  merge ${figures(merges)}`,
    `  across articles only: ${figures(across)}`,
  );
  if (parts.length === 0) out.push(...merges.errors.slice(0, LIST_MERGE_ERRORS_UP_TO).map((e) => `  ${e}`));
  // Split corpora: each part's pairs on their own (both reports in the part), then the pairs
  // across parts; the wrong pairs are listed for the development part only.
  const partOf = (articleId: string) => entry(articleId)?.part ?? '';
  for (const part of parts) {
    const m = mergeScore((a, b) => partOf(a) === part && partOf(b) === part);
    const ids = new Set(present.filter((raw) => partOf(raw.id) === part).map((raw) => raw.id));
    out.push(`  ${part} pairs: ${figures(m)}; ${reportsSharingCluster(gold, ids, idOf)} ${part} reports share a cluster with another`);
    if (part === DEVELOPMENT_PART) out.push(...m.errors.slice(0, LIST_MERGE_ERRORS_UP_TO).map((e) => `    ${e}`));
  }
  if (parts.length > 1) out.push(`  pairs across parts: ${figures(mergeScore((a, b) => partOf(a) !== partOf(b)))}`);
  if (parts.length) {
    out.push(`by part (main event = date right and place ≤${PLACE_KM} km or the gold's GeoNames entity; places = literal gold places placed ≤${PLACE_KM} km or at the gold's GeoNames entity; unexplained = predictions matching no gold event):`);
    for (const part of parts) out.push(partLine(part, processed.filter((p) => entry(p.article.id)?.part === part)));
  }
  process.stdout.write(`${out.join('\n')}\n`);

  function partLine(part: string, docs: ProcessedArticle[]): string {
    const ids = new Set(docs.map((d) => d.article.id));
    const partGold = Object.fromEntries(Object.entries(gold).filter(([k]) => ids.has(idOf(k))));
    const figures = eventFigures(scoreEvents(partGold, docs.flatMap((d) => d.events), { articleIdOf: idOf, sameArea }));
    const perArticle = docs.map((d) => literalPlacesWithin(entry(d.article.id)?.toponyms ?? [], d.mentions.filter((m) => m.place).map((m) => ({ start: m.start, end: m.end, lat: m.place!.lat, lon: m.place!.lon, placeId: m.place!.id })), PLACE_KM, sameArea));
    const hits = perArticle.reduce((n, x) => n + x.hits, 0);
    const total = perArticle.reduce((n, x) => n + x.total, 0);
    const places: Rate = { hits, total, rate: total ? hits / total : 0 };
    // The ceiling the gazetteer sets: literal gold places for which some reading of the name as
    // written lies within PLACE_KM (or is the gold's entity or area), whatever the resolver chose.
    const covered = docs.map((d) => {
      const gold = entry(d.article.id)?.toponyms ?? [];
      const readings = gold.flatMap((t) => resources.gazetteer.lookup(d.article.text.slice(t.start, t.end)).map((c) => ({ start: t.start, end: t.end, lat: c.place.lat, lon: c.place.lon, placeId: c.place.id })));
      return literalPlacesWithin(gold, readings, PLACE_KM, sameArea);
    });
    const coverage = covered.reduce((n, x) => n + x.hits, 0);
    const r = (x: Rate) => `${x.rate.toFixed(2)} (${x.hits}/${x.total})`;
    const dated = docs.filter((d) => d.publication.published).length;
    return `  ${part.padEnd(9)} ${String(docs.length).padStart(3)} articles (${dated} dated)  main events ${r(figures.mainRecall)}  matched ${r(figures.mainMatched)} (date ${r(figures.date)}, place ${r(figures.place)})  ` +
      `type ${r(figures.type)}  fatalities ${r(figures.fatalities)}  places ${r(places)} (in the gazetteer ${(total ? coverage / total : 0).toFixed(2)})  unexplained ${r(figures.unexplained)}`;
  }
}

/** Gold kinds an area of the gazetteer answers for (a province for a province, a region for a region). */
const AREA_KIND_OF: Record<string, string[]> = { admin1: ['admin1', 'region'], region: ['admin1', 'region'], country: ['country'], water: ['water'], continent: ['continent'] };

/**
 * Whether a place is an area (its polygon in the gazetteer's shapes) that holds a gold point:
 * provinces, regions, seas and countries are placed right at the area, whatever point each
 * source gives its centre. An event's area must be finer than a country (countries are matched
 * by their GeoNames entity); a gold toponym's area must be of its kind.
 */
function areaTest(gazetteer: Gazetteer): AreaTest {
  return (placeId, lat, lon, goldKind) => {
    const place = gazetteer.get(placeId);
    const geometry = gazetteer.geometry(placeId);
    if (!place || !geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return false;
    const kinds = goldKind ? AREA_KIND_OF[goldKind] ?? [] : ['admin1', 'region', 'water'];
    return kinds.includes(place.kind) && booleanPointInPolygon([lon, lat], geometry);
  };
}
