/**
 * The dates stage: when an article was published, and what its date phrases mean. Two verbs,
 * each in its own module: `findPublication` (metadata, dateline, content inference or undated)
 * and `findTemporalExpressions` (date phrases of the content resolved against that date).
 * `findDates` runs both. Pure: no clock, ever; an undated article stays undated.
 */
import type { CleanedArticle, Publication, TemporalExpression } from '../model.ts';
import { findPublication } from './find-publication.ts'; // metadata → dateline → content → none
import { findTemporalExpressions } from './find-temporal.ts'; // chrono-node phrases, resolved

export { findPublication, findTemporalExpressions };

/** Publication date and resolved temporal expressions of one article. */
export function findDates(article: CleanedArticle): { publication: Publication; temporal: TemporalExpression[] } {
  const publication = findPublication(article);
  return { publication, temporal: findTemporalExpressions(article, publication) };
}
