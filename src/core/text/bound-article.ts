/**
 * The size bound on one article. Every stage is linear, but a mention-dense text costs about
 * 2 µs of CPU a character through the whole pipeline: a pasted log or a scraped dump of
 * several megabytes would take tens of seconds and a gigabyte of memory, for text no news
 * article holds (the longest of the evaluation corpora's 897 articles has 35,070 characters).
 * So an article longer than MAX_ARTICLE_CHARS is read up to a break near the bound, at the
 * last paragraph break, else line break, else sentence end, else space, in its last tenth;
 * the tail is dropped and said so in an `article-truncated` warning whose span is the dropped
 * part. Offsets stay those of the original text: what is kept is its prefix. Pure.
 */
import type { Problem, RawArticle } from '../model.ts';

/** Characters of an article that are read (500,000: about 250 pages of news). */
export const MAX_ARTICLE_CHARS = 500_000;

/** Breaks to cut at, best first: a paragraph, a line, a sentence, a word. */
const BREAKS = ['\n\n', '\n', '. ', ' '];

/** The article cut to `maxChars` at a break, with the warning, or as it was when it fits. */
export function boundArticle(raw: RawArticle, maxChars = MAX_ARTICLE_CHARS): { raw: RawArticle; problem?: Problem } {
  const length = raw.text.length;
  if (length <= maxChars) return { raw };
  const cut = cutPoint(raw.text, maxChars);
  const line = countLines(raw.text, cut);
  return {
    raw: { ...raw, text: raw.text.slice(0, cut) },
    problem: {
      code: 'article-truncated',
      message: `The article has ${length.toLocaleString('en')} characters; only the first ${cut.toLocaleString('en')} (to line ${line.toLocaleString('en')}) were read, the rest is not in the output (the bound is ${maxChars.toLocaleString('en')}).`,
      severity: 'warning',
      file: raw.file,
      articleId: raw.id,
      span: { start: cut, end: length },
    },
  };
}

/** Where to cut: just after the best break in the last tenth before `max`, else at `max` (never inside a surrogate pair). */
function cutPoint(text: string, max: number): number {
  const floor = Math.floor(max * 0.9);
  for (const brk of BREAKS) {
    const at = text.lastIndexOf(brk, max - brk.length);
    if (at >= floor) return at + brk.length;
  }
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** The 1-based line number of the character before `end`. */
function countLines(text: string, end: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end - 1; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}
