/**
 * A seeded corpus of any size for the scale benchmark and tests, made from real news text: the
 * reports of test/corpus/reports and, for the bench, the evaluation corpora in ../shared/eval (when present),
 * each article one to three of their paragraphs, with a seeded outlet and publication date.
 * Written as JSONL files of FILE_ARTICLES lines (each well under the 5 MB file bound), into a
 * folder the caller owns (a temporary one: never committed). Same seed, same corpus.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../src/core/common/seeded-random.ts';
import { ROOT } from './load-gazetteer.ts';

/** Articles per JSONL file. */
export const FILE_ARTICLES = 1000;
const OUTLETS = ['Wire Service', 'Regional Daily', 'Field Monitor', 'Evening Post'];
/** Paragraphs shorter than this are headings, bylines or datelines on their own. */
const MIN_PARAGRAPH = 80;

/**
 * Paragraphs of real news text, in a fixed order: the reports corpus of the repository, and with
 * `evaluationCorpora` the evaluation corpora of ../shared/eval where present (the bench: more
 * variety; tests leave them out, so that a clone without ../shared makes the same corpus).
 */
export function sourceParagraphs(evaluationCorpora = false): string[] {
  const texts: string[] = [];
  const reports = join(ROOT, 'test/corpus/reports');
  for (const f of readdirSync(reports).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(join(reports, f), 'utf8'));
  for (const f of evaluationCorpora ? ['lgl.jsonl', 'geovirus.jsonl'] : []) {
    const file = join(ROOT, '../shared/eval', f);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
  return texts.flatMap((t) => t.split(/\n\s*\n/)).map((p) => p.trim()).filter((p) => p.length >= MIN_PARAGRAPH);
}

/**
 * Writes `n` articles as `part-<k>.jsonl` files into `dir` (ids `<prefix>-<i>`); returns the file
 * paths. `first` numbers the articles from a later index, for a batch added to a corpus.
 */
export function makeScaleCorpus(dir: string, n: number, options: { seed?: number; first?: number; prefix?: string; evaluationCorpora?: boolean } = {}): string[] {
  const paragraphs = sourceParagraphs(options.evaluationCorpora);
  const first = options.first ?? 0;
  const prefix = options.prefix ?? 'scale';
  const random = mulberry32((options.seed ?? 1) + first);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let start = 0; start < n; start += FILE_ARTICLES) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(n, start + FILE_ARTICLES); i += 1) {
      const count = 1 + Math.floor(random() * 3);
      const text = Array.from({ length: count }, () => paragraphs[Math.floor(random() * paragraphs.length)]).join('\n\n');
      const day = Math.floor(random() * 3 * 365);
      const published = new Date(Date.UTC(2019, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      const id = `${prefix}-${String(first + i).padStart(7, '0')}`;
      lines.push(JSON.stringify({ id, text, published, outlet: OUTLETS[Math.floor(random() * OUTLETS.length)] }));
    }
    const file = join(dir, `${prefix}-part-${String((first + start) / FILE_ARTICLES).padStart(4, '0')}.jsonl`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    files.push(file);
  }
  return files;
}
