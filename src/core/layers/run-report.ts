/**
 * The run report: what was read, what was skipped and why, what was found, which names could
 * not be placed. Nothing is dropped silently: every input article is either written or listed
 * here with its reason.
 */
import type { ProcessedArticle, Problem, RunReport } from '../model.ts';

/** What the report reads of one processed article (a streaming run keeps only this much of each). */
export type ReportedArticle = {
  article: Pick<ProcessedArticle['article'], 'id'>;
  publication: Pick<ProcessedArticle['publication'], 'published'>;
  mentions: { length: number };
  events: { length: number };
} & Pick<ProcessedArticle, 'unresolved' | 'problems'>;

/** Builds the report of an ingest run; `processed` in the order the articles were read. */
export function summariseRun(input: {
  filesRead: number;
  processed: ReportedArticle[];
  readProblems: Problem[];
  layerProblems: Problem[];
}): RunReport {
  const { processed, readProblems, layerProblems } = input;
  const skipped = readProblems
    .filter((p) => p.severity === 'error')
    .map((p) => ({ file: p.file ?? '', ...(p.articleId ? { articleId: p.articleId } : {}), code: p.code, reason: p.message }));
  const unresolved = new Map<string, { surface: string; count: number; articleIds: Set<string> }>();
  for (const p of processed) {
    for (const u of p.unresolved) {
      const entry = unresolved.get(u.surface) ?? { surface: u.surface, count: 0, articleIds: new Set<string>() };
      entry.count += 1;
      entry.articleIds.add(p.article.id);
      unresolved.set(u.surface, entry);
    }
  }
  return {
    articlesRead: processed.length + skipped.length,
    articlesWritten: processed.length,
    skipped,
    problems: [...readProblems.filter((p) => p.severity !== 'error'), ...processed.flatMap((p) => p.problems), ...layerProblems],
    mentions: processed.reduce((n, p) => n + p.mentions.length, 0),
    events: processed.reduce((n, p) => n + p.events.length, 0),
    unresolved: [...unresolved.values()]
      .sort((a, b) => b.count - a.count || (a.surface < b.surface ? -1 : 1))
      .map((u) => ({ surface: u.surface, count: u.count, articleIds: [...u.articleIds].sort() })),
    undatedArticles: processed.filter((p) => p.publication.published === null).map((p) => p.article.id).sort(),
  };
}
