/**
 * Sentence splitting over an article's content: the text minus the boilerplate spans. Every
 * later stage reads sentence by sentence (a place and a date count together only inside one
 * sentence), and the reader highlights the sentence an event came from, so spans are offsets in
 * the original text, trimmed of whitespace and of markdown markers at their edges.
 *
 * Rules, in order:
 * - Blank lines end paragraphs and sentences, except that a paragraph with no closing
 *   punctuation followed by one that starts in lower case is one sentence broken by a stray
 *   blank line (a scraping artefact).
 * - Headings (`# …`), list items (`- …`, `1. …`), quote and table lines stand alone, and so does
 *   a short unpunctuated line followed by a capitalised one (a heading or caption inside a
 *   paragraph); other single newlines are soft wraps.
 * - `.`, `!`, `?`, `…` end a sentence when followed by whitespace and then anything but a
 *   lower-case letter, after any closing quotes, brackets, emphasis markers or a markdown link
 *   target (`[text](#)`), unless the word before the full stop is an abbreviation (Mr., Gen.,
 *   Jan. 5, No. 7), an initial (Donald J. Trump) or a dotted acronym (U.S.) not followed by a
 *   typical sentence opener. Decimals (41.9%) never break: no whitespace follows the point.
 * - A sentence longer than MAX_SENTENCE_CHARS (a text without sentence ends: a pasted log) is
 *   cut at its line breaks, else at spaces, into pieces no longer than that.
 */
import type { Sentence, Span } from '../model.ts';

/** Split the content of `text` (everything outside `exclude`) into sentences, in text order. */
export function splitSentences(text: string, exclude: Span[]): Sentence[] {
  const breaks = paragraphBreaks(text);
  const sentences: Sentence[] = [];
  for (const segment of contentSegments(text.length, exclude)) {
    for (const unit of units(text, segment.start, segment.end)) {
      for (const span of splitUnit(text, unit.start, unit.end).flatMap((u) => bounded(text, u))) {
        const trimmed = trimSpan(text, span.start, span.end);
        if (trimmed && /[\p{L}\p{N}]/u.test(text.slice(trimmed.start, trimmed.end))) {
          sentences.push({ ...trimmed, paragraph: paragraphOf(breaks, trimmed.start) });
        }
      }
    }
  }
  return sentences;
}

/** Title-case abbreviations that a full stop does not end a sentence after. */
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Sgt', 'Cpl', 'Pvt',
  'Adm', 'Cmdr', 'Brig', 'Gov', 'Govs', 'Sen', 'Sens', 'Rep', 'Reps', 'Rev', 'Hon', 'Pres', 'Amb', 'Sr', 'Jr', 'St', 'Ste', 'Mt', 'Ft',
  'Ave', 'Blvd', 'Rd', 'Dept', 'Univ', 'vs', 'approx', 'cf', 'ca', 'Sheikh',
]);
/**
 * Abbreviations that often end a sentence too: a break only before a typical sentence opener.
 * With them the AP-style US state abbreviations of wire datelines ("ORLANDO, Fla. (AP) —").
 */
const SOFT_ABBREVIATIONS = new Set([
  'etc', 'Inc', 'Ltd', 'Corp', 'Co', 'Bros', 'al',
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Ky', 'La',
  'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Tenn', 'Vt',
  'Va', 'Wash', 'Wis', 'Wyo',
]);
/** Abbreviations that precede a number (No. 7, Jan. 5, pp. 3-4): no break before a digit. */
const NUMBER_ABBREVIATIONS = new Set([
  'No', 'Nos', 'Vol', 'Art', 'Fig', 'Sec', 'Ch', 'p', 'pp', 'para', 'Pct', 'Rte', 'Hwy', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun',
  'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);
/** Words that typically open a sentence: after `U.S.` or `etc.` they mean a new sentence began. */
const OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'But',
  'And', 'In', 'On', 'At', 'As', 'However', 'Meanwhile', 'Its', 'His', 'Her', 'Their', 'There', 'If',
  'When', 'While', 'After', 'Before', 'According', 'Some', 'Many', 'Most', 'So', 'Yet', 'Also', 'For',
  'Although', 'Still', 'Since', 'Now', 'Then', 'Officials', 'Last', 'Earlier', 'Later',
]);

const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '*', '_']);
const TERMINAL = /[.!?…:;"'”’»)\]*_]\s*$/;
const HARD_LINE = /^[ \t]*(?:#{1,6}\s|>|[-*+•]\s|\d{1,3}[.)]\s|\|)/;

/** Offsets where a paragraph starts (after each run of blank lines). */
function paragraphBreaks(text: string): number[] {
  const starts: number[] = [];
  const firstText = text.search(/\S/);
  for (const m of text.matchAll(/\n[ \t\r]*\n\s*/g)) {
    // Blank lines before the first text open no paragraph: the first paragraph is number 0.
    if (firstText >= 0 && firstText < m.index) starts.push(m.index + m[0].length);
  }
  return starts;
}

function paragraphOf(breaks: number[], pos: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The complement of the excluded spans within [0, length). */
function contentSegments(length: number, exclude: Span[]): Span[] {
  const sorted = [...exclude].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let pos = 0;
  for (const s of sorted) {
    if (s.start > pos) out.push({ start: pos, end: Math.min(s.start, length) });
    pos = Math.max(pos, s.end);
  }
  if (pos < length) out.push({ start: pos, end: length });
  return out;
}

/** Lines of [start, end) grouped into units that no sentence may cross. */
function units(text: string, start: number, end: number): Span[] {
  const lines: Array<Span & { blankBefore: boolean }> = [];
  let blank = false;
  for (let pos = start; pos < end; ) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 || nl >= end ? end : nl;
    if (text.slice(pos, lineEnd).trim() === '') blank = true;
    else {
      lines.push({ start: pos, end: lineEnd, blankBefore: blank });
      blank = false;
    }
    pos = lineEnd + 1;
  }
  const out: Span[] = [];
  const longest = new Map<number, number>(); // paragraph-local longest line, for "short line" tests
  let para = 0;
  lines.forEach((l, i) => {
    if (i > 0 && l.blankBefore) para++;
    longest.set(para, Math.max(longest.get(para) ?? 0, l.end - l.start));
  });
  para = 0;
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (i > 0 && line.blankBefore) para++;
    const body = text.slice(line.start, line.end);
    const prevBody = prev ? text.slice(prev.start, prev.end) : '';
    const startsLower = /^[\s*_"“]*\p{Ll}/u.test(body);
    let joins = false;
    if (prev && line.blankBefore) {
      joins = startsLower && !TERMINAL.test(prevBody) && !HARD_LINE.test(prevBody) && prevBody.trim().split(/\s+/).length >= 4;
    } else if (prev) {
      const prevShort = prevBody.trim().length < 0.6 * (longest.get(para) ?? 0);
      joins = !HARD_LINE.test(body) && !/^[ \t]*#/.test(prevBody) && (startsLower || TERMINAL.test(prevBody) || !prevShort);
    }
    if (joins && out.length) out[out.length - 1].end = line.end;
    else out.push({ start: line.start, end: line.end });
  });
  return out;
}

/** Sentence spans (untrimmed) inside one unit. */
function splitUnit(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let from = start;
  // A numbered list marker ("1. ") is not a sentence end.
  const marker = /^\s*\d{1,3}[.)]\s/.exec(text.slice(start, Math.min(end, start + 8)));
  for (let i = start + (marker ? marker[0].length : 0); i < end; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < end && '.!?…'.includes(text[j])) j++;
    for (;;) {
      if (j < end && CLOSERS.has(text[j])) j++;
      else if (text.startsWith('](', j - 1) && text[j] === '(') {
        const close = text.indexOf(')', j);
        if (close < 0 || close >= end || close - j > 300) break;
        j = close + 1;
      } else break;
    }
    if (j < end && !/\s/.test(text[j])) continue;
    let k = j;
    while (k < end && /\s/.test(text[k])) k++;
    if (k >= end) break;
    if (/\p{Ll}/u.test(text[k]) || !isBoundary(text, i, k)) continue;
    out.push({ start: from, end: j });
    from = k;
    i = j - 1;
  }
  if (from < end) out.push({ start: from, end });
  return out;
}

/**
 * Longest sentence, in characters: the stages read sentence by sentence, and some of their
 * reading grows with the sentence's length (chrono's refiners, the clause of a date), so a text
 * with no sentence ends (a pasted log, a list of names) would cost the square of its length.
 * The evaluation corpora's longest sentence has 1,159 characters.
 */
export const MAX_SENTENCE_CHARS = 3_000;

/** A span cut into pieces of at most MAX_SENTENCE_CHARS: at its last line break, else space, in the piece's second half, else at the bound. */
function bounded(text: string, span: Span): Span[] {
  if (span.end - span.start <= MAX_SENTENCE_CHARS) return [span];
  const out: Span[] = [];
  let from = span.start;
  while (span.end - from > MAX_SENTENCE_CHARS) {
    const limit = from + MAX_SENTENCE_CHARS;
    const half = from + MAX_SENTENCE_CHARS / 2;
    let cut = text.lastIndexOf('\n', limit - 1) + 1;
    if (cut <= half) {
      cut = limit;
      while (cut > half && !/\s/.test(text[cut - 1])) cut--;
      if (cut <= half) cut = /[\ud800-\udbff]/.test(text[limit - 1]) ? limit - 1 : limit;
    }
    out.push({ start: from, end: cut });
    from = cut;
  }
  out.push({ start: from, end: span.end });
  return out;
}

/** Whether the punctuation at `i` ends a sentence, given that the next word starts at `next`. */
function isBoundary(text: string, i: number, next: number): boolean {
  if (text[i] !== '.' || text[i - 1] === '.') return true;
  let w = i;
  while (w > 0 && i - w < 20 && /[A-Za-z.]/.test(text[w - 1])) w--; // bounded: abbreviations are short
  const word = text.slice(w, i);
  const nextWord = /^[\p{L}\p{N}]+/u.exec(text.slice(next, next + 30))?.[0] ?? '';
  const opener = OPENERS.has(nextWord);
  if (/^(?:e\.g|i\.e)$/i.test(word)) return false;
  if (/^(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}$/.test(word)) return opener; // U.S, p.m, W.Va, D.C
  if (/^[A-Z]$/.test(word)) return false; // an initial
  // Abbreviations as listed, or in capitals (ST. PAUL in a wire dateline).
  const listed = (set: Set<string>) => set.has(word) || (word === word.toUpperCase() && set.has(word[0] + word.slice(1).toLowerCase()));
  if (listed(ABBREVIATIONS)) return false;
  if (listed(SOFT_ABBREVIATIONS)) return opener;
  if (listed(NUMBER_ABBREVIATIONS) && /\d/.test(text[next])) return false;
  return true;
}

/** Trim whitespace and markdown markers (heading, list, quote, emphasis) off a span's edges. */
function trimSpan(text: string, start: number, end: number): Span | null {
  const slice = text.slice(start, end);
  const lead = /^(?:\s|#{1,6}\s|>\s?|[-+•]\s|\*\s|\d{1,3}[.)]\s|\*+|_+(?=\S))*/.exec(slice)?.[0].length ?? 0;
  const s = start + lead;
  const e = trailEnd(text, s, end);
  return e > s ? { start: s, end: e } : null;
}

/**
 * Where the trailing whitespace and emphasis markers of [from, end) begin: what
 * `/(?:\s|(?<=\S)[*_]+)*$/` matches in that slice, scanned backwards instead of tried at every
 * position. A run of `*`/`_` goes only when a non-space precedes it ("word**"); after a space
 * ("word *") its first marker stays, as does a run at the very start.
 */
function trailEnd(text: string, from: number, end: number): number {
  let q = end;
  while (q > from) {
    const c = text.charCodeAt(q - 1);
    if (isSpace(c)) {
      q--;
      continue;
    }
    if (c !== STAR && c !== UNDERSCORE) break;
    let r = q - 1;
    while (r > from && (text.charCodeAt(r - 1) === STAR || text.charCodeAt(r - 1) === UNDERSCORE)) r--;
    return r > from && !isSpace(text.charCodeAt(r - 1)) ? r : r + 1;
  }
  return q;
}

const STAR = 42;
const UNDERSCORE = 95;

/** JavaScript's `\s`, by character code. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
