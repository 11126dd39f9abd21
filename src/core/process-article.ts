/**
 * The pipeline for one article, stage by stage. Pure: the resources (gazetteer, word lists)
 * are loaded by the caller, so the same code runs in the command line, the tests and a browser.
 */
import type { ProcessedArticle, RawArticle } from './model.ts';
import { cleanArticle } from './text/clean-article.ts'; // boilerplate, sentences
import { findPublication, findTemporalExpressions } from './dates/find-dates.ts'; // publication date, relative dates
import { findToponyms, type RecognizerResources } from './places/find-toponyms.ts'; // place names and roles
import { NEARNESS_WINDOW, resolvePlaces } from './places/resolve-places.ts'; // names → gazetteer places
import { extractEvents } from './events/extract-events.ts'; // dated events at places
import { boundArticle, MAX_ARTICLE_CHARS } from './text/bound-article.ts'; // the size bound

export type PipelineResources = RecognizerResources;

/** Options of `processArticle`. */
export interface ProcessOptions {
  /** Characters read of one article; a longer one is cut at a break near it, with a warning (default MAX_ARTICLE_CHARS). */
  maxChars?: number;
}

/**
 * Runs every stage on one article. Never throws on bad text: problems are returned as data.
 * An article over `maxChars` is read up to it (bound-article.ts): cost and memory stay bounded.
 */
export function processArticle(input: RawArticle, resources: PipelineResources, options: ProcessOptions = {}): ProcessedArticle {
  const { raw, problem: truncated } = boundArticle(input, options.maxChars ?? MAX_ARTICLE_CHARS);
  const { article, problems } = cleanArticle(raw);
  if (truncated) problems.push(truncated);
  const publication = findPublication(article);
  const temporal = findTemporalExpressions(article, publication);
  const toponyms = findToponyms(article, resources);
  const resolved = resolvePlaces(article.id, toponyms);
  const mentions = resolved.filter((m) => m.place !== null);
  const unresolved = resolved.filter((m) => m.place === null).map(({ start, end, surface }) => ({ start, end, surface }));
  // Events also see the places the gazetteer lacks that settlement phrases name ("the village of X"), placed near a known one.
  const events = extractEvents({ article, publication, temporal, mentions: resolved.filter((m) => m.place !== null || m.near) });
  if (toponyms.length > NEARNESS_WINDOW + 1) {
    // Bounded cost has a price on such a text: say so, never silently.
    problems.push({
      code: 'many-mentions',
      message: `The article names ${toponyms.length} places; each was resolved by its ${NEARNESS_WINDOW} nearest names each side, not the whole article.`,
      severity: 'warning',
      file: raw.file,
      articleId: raw.id,
    });
  }
  return { article, publication, mentions, unresolved, temporal, events, problems };
}
