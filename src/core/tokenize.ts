/**
 * Word tokens with their offsets, the unit the toponym recogniser works on.
 *
 * Hyphenated words are split ("Turkish-backed" → "Turkish", "backed"; "al-Nayrab" → "al",
 * "Nayrab") because a place name is often only part of one ("Russo-Turkish", "Idlib-based"),
 * and `gap` records what joins a token to the previous one so a multi-word name can be
 * matched across a space or a hyphen but not across a comma.
 */
import type { Span } from './model.ts';

/** A word of the text. */
export interface Token extends Span {
  /** The word as written, possessive "'s" removed (it is kept in `possessive`). */
  text: string;
  /** First character is an upper-case letter. */
  capitalised: boolean;
  /** All letters upper case and at least two of them ("NATO", "U.S."). */
  allCaps: boolean;
  /** The word was followed by "'s" or "’s" (or a bare apostrophe after s). */
  possessive: boolean;
  /** What separates this token from the previous one in the same sentence ('' for the first). */
  gap: string;
}

// A word: letters/digits with inner apostrophes (A'zaz, Ma'arrat); or dotted initials (U.S., N.Y.);
// or a short abbreviation with its full stop (St., Mt., Ft., Fla.).
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’ʼʿʾ`][\p{L}]+)*/gu;
const POSSESSIVE = /^['’](?:s\b)?/u;

/** Splits `text.slice(span.start, span.end)` into word tokens with absolute offsets. */
export function tokenize(text: string, span: Span = { start: 0, end: text.length }): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(span.start, span.end);
  let previousEnd = 0;
  for (const match of slice.matchAll(WORD)) {
    let word = match[0];
    const localStart = match.index;
    let possessive = false;
    // "Ankara's" → "Ankara" + possessive; "Erdoğan’s" likewise. Inner apostrophes stay (A'zaz).
    const apostropheS = /['’]s$/u.exec(word);
    if (apostropheS && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (POSSESSIVE.test(slice.slice(localStart + word.length, localStart + word.length + 2))) {
      possessive = /s$/u.test(word) && /^['’](?!\p{L})/u.test(slice.slice(localStart + word.length));
    }
    const gap = tokens.length === 0 ? '' : slice.slice(previousEnd, localStart);
    const letters = word.replace(/[^\p{L}]/gu, '');
    tokens.push({
      start: span.start + localStart,
      end: span.start + localStart + word.length,
      text: word,
      capitalised: /^\p{Lu}/u.test(word),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      possessive,
      gap,
    });
    previousEnd = localStart + match[0].length;
  }
  return tokens;
}
