/**
 * Word tokens with their offsets, the unit the toponym recogniser works on.
 *
 * Hyphenated words are split ("Turkish-backed" → "Turkish", "backed"; "al-Nayrab" → "al",
 * "Nayrab") because a place name is often only part of one ("Russo-Turkish", "Idlib-based"),
 * and `gap` records what joins a token to the previous one so a multi-word name can be
 * matched across a space or a hyphen but not across a comma.
 */
import type { Span } from '../model.ts';

/** A word of the text. */
export interface Token extends Span {
  /** The word as written, possessive "'s" removed (it is kept in `possessive`). */
  text: string;
  /** `text` lower-cased, once: the recogniser looks words up in lower-case lists many times. */
  lower: string;
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
/** An apostrophe not followed by a letter: "Reuters' " is possessive, "Reuters'x" is not. */
const BARE_APOSTROPHE = /['’](?!\p{L})/uy;
const APOSTROPHE = 39; // '
const RIGHT_QUOTE = 0x2019; // ’
const LOWER_S = 115;

/** Splits `text.slice(span.start, span.end)` into word tokens with absolute offsets. */
export function tokenize(text: string, span: Span = { start: 0, end: text.length }): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(span.start, span.end);
  let previousEnd = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(slice); match !== null; match = WORD.exec(slice)) {
    let word = match[0];
    const localStart = match.index;
    let possessive = false;
    // "Ankara's" → "Ankara" + possessive; "Erdoğan’s" likewise. Inner apostrophes stay (A'zaz).
    const n = word.length;
    if (n > 2 && word.charCodeAt(n - 1) === LOWER_S && isApostrophe(word.charCodeAt(n - 2))) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (isApostrophe(slice.charCodeAt(localStart + n))) {
      // "Reuters’ report": a bare apostrophe after s.
      BARE_APOSTROPHE.lastIndex = localStart + n;
      possessive = word.charCodeAt(n - 1) === LOWER_S && BARE_APOSTROPHE.test(slice);
    }
    const shape = wordShape(word);
    tokens.push({
      start: span.start + localStart,
      end: span.start + localStart + word.length,
      text: word,
      lower: word.toLowerCase(),
      capitalised: (shape & CAPITALISED) !== 0,
      allCaps: (shape & ALL_CAPS) !== 0,
      possessive,
      gap: tokens.length === 0 ? '' : slice.slice(previousEnd, localStart),
    });
    previousEnd = localStart + match[0].length;
  }
  return tokens;
}

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_QUOTE;
}

/** `wordShape` bits. */
const CAPITALISED = 1;
const ALL_CAPS = 2;

/**
 * Whether a word starts with an upper-case letter (CAPITALISED), and whether all its letters,
 * two or more, are upper case (ALL_CAPS). ASCII words, nearly all of them, by character codes;
 * others by Unicode properties.
 */
function wordShape(word: string): number {
  let letters = 0;
  let lower = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return unicodeShape(word);
    if (c >= 97 && c <= 122) {
      letters++;
      lower++;
    } else if (c >= 65 && c <= 90) letters++;
  }
  const first = word.charCodeAt(0);
  return (first >= 65 && first <= 90 ? CAPITALISED : 0) | (letters >= 2 && lower === 0 ? ALL_CAPS : 0);
}

function unicodeShape(word: string): number {
  const letters = word.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  return (/^\p{Lu}/u.test(word) ? CAPITALISED : 0) | (allCaps ? ALL_CAPS : 0);
}
