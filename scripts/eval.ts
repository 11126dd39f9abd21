/**
 * `npm run eval -- <gold.jsonl> [options]`: runs the geoparser over a gold corpus shaped like
 * ../shared/eval/*.jsonl ({"id","text","toponyms":[{start,end,lat,lon,...}]}) from raw text, and
 * prints recognition precision/recall/F1 (exact span and one-to-one overlap) and resolution
 * figures (share within 161 km, mean/median km, AUC), for the whole corpus and for the fixed
 * train / held-out split (src/core/eval/corpus-split.ts), and per gold role where the gold has roles.
 *
 * Options:
 *   --split all|train|test   which part to score (default: all, with train and held-out rows)
 *   --no-adjectival          do not count predicted demonyms ("Turkish") as toponyms, for
 *                            corpora whose guidelines leave them out (GeoVirus)
 *   --with-published         pass the gold "published" field as metadata (default: bare text)
 *   --errors N               print N missed, N spurious and N worst-placed toponyms
 *   --json FILE              also write the full result as JSON
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { processArticle } from '../src/core/process-article.ts';
import { evaluate, type EvalDocument, type EvaluationResult, type ScoredToponym } from '../src/core/eval/evaluate.ts';
import { splitOf, type SplitPart } from '../src/core/eval/corpus-split.ts';
import { loadResources } from './lib/load-resources.ts';
import { parseArgs } from './lib/args.ts';
import { runEventEvaluation } from './lib/eval-events.ts';

const args = parseArgs(process.argv.slice(2), {
  flags: ['no-adjectival', 'with-published', 'help'],
  options: ['split', 'errors', 'json', 'texts'],
});
if (args.flags.help || args.positional.length === 0) {
  process.stdout.write(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0].replace(/^\/\*\*?|^ \* ?/gm, ''));
  process.exit(args.flags.help ? 0 : 2);
}

// Event golds score areas by their shapes (a province is placed right at the province).
const resources = await loadResources({ withShapes: args.positional.some((f) => f.endsWith('.json')) });
for (const file of args.positional) {
  if (file.endsWith('.json')) {
    await runEventEvaluation(file, resources, { texts: args.options.texts });
    continue;
  }
  scoreToponymCorpus(file);
}

function scoreToponymCorpus(file: string): void {
  interface GoldLine {
    id: string;
    text: string;
    published?: string;
    toponyms: Array<ScoredToponym & Record<string, unknown>>;
  }
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const gold: GoldLine[] = lines.map((l) => JSON.parse(l));
  const started = performance.now();
  const documents = new Map<string, EvalDocument & { part: SplitPart }>();
  for (const g of gold) {
    const meta = args.flags['with-published'] && g.published ? { published: g.published } : {};
    const processed = processArticle({ id: g.id, text: g.text, meta }, resources);
    const predicted = processed.mentions
      .filter((m) => !(args.flags['no-adjectival'] && m.role === 'adjectival'))
      .map((m) => ({ start: m.start, end: m.end, surface: m.surface, lat: m.place?.lat, lon: m.place?.lon, role: m.role }));
    documents.set(g.id, { id: g.id, part: splitOf(g.id), gold: g.toponyms.map((t) => ({ ...t, role: goldRole(t) })), predicted });
  }
  const seconds = (performance.now() - started) / 1000;
  const split = (args.options.split ?? 'all') as 'all' | SplitPart;
  const all = [...documents.values()];
  const rows: Array<[string, EvaluationResult]> = [];
  if (split === 'all') rows.push(['all', evaluate(all)]);
  for (const part of ['train', 'test'] as const) {
    if (split === 'all' || split === part) rows.push([part === 'test' ? 'held-out' : 'train', evaluate(all.filter((d) => d.part === part))]);
  }
  print(file, rows, gold.length, seconds);
  const errors = Number(args.options.errors ?? 0);
  if (errors > 0) printErrors(rows[0][1], errors);
  if (args.options.json) writeFileSync(args.options.json, JSON.stringify(Object.fromEntries(rows), null, 1));
}

/** The gold role of a toponym: the seeds gold has flags; the eval corpora have none. */
function goldRole(t: Record<string, unknown>): string | null {
  if (t.literal === true) return 'literal';
  if (t.metonymic === true) return 'metonymic';
  if (t.adjectival === true) return 'adjectival';
  if (t.embedded === true) return 'embedded';
  return typeof t.role === 'string' ? t.role : null;
}

function print(file: string, rows: Array<[string, EvaluationResult]>, articles: number, seconds: number): void {
  const f = (x: number) => x.toFixed(3);
  const out = [`\n${file}: ${articles} articles in ${seconds.toFixed(2)} s (${Math.round(articles / seconds)} articles/s)`];
  out.push('part      docs  exact P / R / F1        overlap P / R / F1      placed  ≤161km  mean km  median km  AUC');
  for (const [name, r] of rows) {
    out.push(
      `${name.padEnd(9)} ${String(r.documents).padStart(4)}  ${f(r.exact.precision)} / ${f(r.exact.recall)} / ${f(r.exact.f1)}   ` +
        `${f(r.overlap.precision)} / ${f(r.overlap.recall)} / ${f(r.overlap.f1)}   ${String(r.resolution.count).padStart(6)}  ` +
        `${f(r.resolution.within161km)}  ${r.resolution.meanKm.toFixed(0).padStart(7)}  ${r.resolution.medianKm.toFixed(1).padStart(9)}  ${f(r.resolution.auc)}`,
    );
  }
  const byRole = rows[0][1].byRole;
  if (Object.keys(byRole).length > 0) {
    out.push('gold role     gold  recall  role agrees  ≤161km');
    for (const [role, g] of Object.entries(byRole)) {
      out.push(`${role.padEnd(12)} ${String(g.gold).padStart(5)}  ${f(g.recall)}  ${f(g.roleAgreement).padStart(11)}  ${f(g.resolution.within161km)}`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function printErrors(r: EvaluationResult, n: number): void {
  const show = (t: ScoredToponym) => `${JSON.stringify(t.surface)} [${t.start},${t.end})`;
  const out = ['\nmissed:'];
  for (const m of r.missed.slice(0, n)) out.push(`  ${m.id} ${show(m.gold)}`);
  out.push('spurious:');
  for (const s of r.spurious.slice(0, n)) out.push(`  ${s.id} ${show(s.predicted)} ${s.predicted.role ?? ''}`);
  out.push('worst placed:');
  const worst = r.pairs.filter((p) => p.km !== null).sort((a, b) => b.km! - a.km!).slice(0, n);
  for (const p of worst) out.push(`  ${p.id} ${show(p.gold)} ${p.km!.toFixed(0)} km (gold ${p.gold.lat},${p.gold.lon}; ours ${p.predicted.lat},${p.predicted.lon})`);
  process.stdout.write(`${out.join('\n')}\n`);
}
