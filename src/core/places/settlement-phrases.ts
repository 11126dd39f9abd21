/**
 * Settlement phrases: the words news puts around a place name to say what it is, which make it
 * a place whether or not the gazetteer knows it: "the village of Joubas", "the town of
 * Kandadji", "Zamzam camp", "Pale Township", "Guma Local Government Area", "Yelewata and
 * Daudu communities". A conflict is fought over villages, camps and districts that no general
 * gazetteer lists; such a name is kept (an unresolved mention) instead of being lost with the
 * event it locates. English grammar only, nothing about any one country. Pure.
 */
import type { PlaceKind } from '../model.ts';
import type { Token } from '../text/tokenize.ts';

/** Kind words before "of": "the village of X". */
const KIND_BEFORE_OF: ReadonlyMap<string, PlaceKind> = new Map([
  ['village', 'village'], ['town', 'town'], ['city', 'city'], ['hamlet', 'village'], ['locality', 'village'], ['settlement', 'village'],
  ['camp', 'site'], ['district', 'admin2'], ['township', 'admin2'], ['commune', 'admin2'], ['municipality', 'admin2'],
  ['neighbourhood', 'site'], ['neighborhood', 'site'], ['suburb', 'site'], ['area', 'region'], ['community', 'village'], ['outskirts', 'site'],
]);
/** Kind words after the name, in lower case: "Zamzam camp", "Kurram district", "Yelewata community" (and "LGA", "Local Government Area"). */
const KIND_AFTER: ReadonlyMap<string, PlaceKind> = new Map([
  ['village', 'village'], ['villages', 'village'], ['town', 'town'], ['towns', 'town'], ['camp', 'site'], ['camps', 'site'],
  ['district', 'admin2'], ['districts', 'admin2'], ['township', 'admin2'], ['townships', 'admin2'], ['county', 'admin2'], ['lga', 'admin2'],
  ['area', 'region'], ['community', 'village'], ['communities', 'village'], ['neighbourhood', 'site'], ['neighborhood', 'site'], ['locality', 'village'],
]);
/** Plural kind words, which may close a list of names: "Yelewata and Daudu communities". */
const PLURAL = new Set(['villages', 'towns', 'camps', 'districts', 'townships', 'communities']);
/** Longest name a settlement phrase is taken to hold ("Nyaung Kone", "Gouz Al-Naqa", "Kyauk Ni Maw"). */
const MAX_NAME_TOKENS = 4;
/** Longest list of names one plural kind word closes. */
const MAX_LIST = 6;
const SPACE = /^[ \u00a0]$/u;

/** A settlement phrase's name: its tokens `[first, end)` and the kind the phrase says. */
export interface SettlementName {
  first: number;
  end: number;
  kind: PlaceKind;
  /** One past the phrase's last token (its kind words included): where candidate finding goes on. */
  phraseEnd: number;
  /** One past the name's own kind words ("Pale Township"), `end` when the kind word comes before it or closes a list. */
  kindEnd: number;
}

/**
 * The settlement names that start at token `i`: one, or several for a list closed by a plural
 * kind word ("Yelewata and Daudu communities"). Empty when no phrase is there.
 */
export function settlementNamesAt(tokens: Token[], i: number, isCommonWord: (lower: string) => boolean): SettlementName[] {
  // "Many area cities": a common word opening a sentence is no name.
  if (!startsName(tokens, i) || isCommonWord(tokens[i].lower)) return [];
  const before = tokens[i - 1];
  const kindWord = tokens[i - 2];
  const end = nameEnd(tokens, i);
  // "X camp", "X Township", "X Local Government Area": the kind word right after the name.
  const after = afterKind(tokens, end);
  // "the Meitei community", "the Alawite community": a people; "Yelewata community" a village.
  if (after && /^communit/.test(tokens[end].lower) && before?.lower === 'the') return [];
  if (after) return [{ first: i, end, kind: after.kind, phraseEnd: end + after.words, kindEnd: end + after.words }];
  // "the village of X"
  if (before?.lower === 'of' && kindWord && !kindWord.capitalised && KIND_BEFORE_OF.has(kindWord.lower)) return [{ first: i, end, kind: KIND_BEFORE_OF.get(kindWord.lower)!, phraseEnd: end, kindEnd: end }];
  // "X and Y communities", "X, Y and Z villages": every name of a list closed by a plural kind word.
  const names: SettlementName[] = [{ first: i, end, kind: 'village', phraseEnd: end, kindEnd: end }];
  let k = end;
  while (names.length < MAX_LIST) {
    const sep = tokens[k];
    if (!sep) return [];
    const next = sep.lower === 'and' ? k + 1 : sep.gap.trim() === ',' ? k : -1;
    if (next < 0 || !startsName(tokens, next)) return [];
    const stop = nameEnd(tokens, next);
    names.push({ first: next, end: stop, kind: 'village', phraseEnd: stop, kindEnd: stop });
    const closing = afterKind(tokens, stop);
    if (closing) return closing.plural ? names.map((n) => ({ ...n, kind: closing.kind, phraseEnd: stop + closing.words })) : [];
    k = stop;
  }
  return [];
}

/** The kind word(s) closing a name at token `end`, if any: the kind, whether plural, how many words. */
function afterKind(tokens: Token[], end: number): { kind: PlaceKind; plural: boolean; words: number } | null {
  const t = tokens[end];
  if (!t || !SPACE.test(t.gap)) return null;
  if (t.lower === 'local' && tokens[end + 1]?.lower === 'government' && tokens[end + 2]?.lower === 'area') return { kind: 'admin2', plural: false, words: 3 };
  if (t.text === 'LGA') return { kind: 'admin2', plural: false, words: 1 };
  // A capitalised kind word is part of a name the gazetteer has its own way with ("Henderson County", "Hamilton Township").
  if (t.text !== t.lower) return null;
  if (t.lower === 'refugee' || t.lower === 'displacement' || t.lower === 'idp') {
    const camp = tokens[end + 1];
    return camp && /^camps?$/.test(camp.lower) ? { kind: 'site', plural: camp.lower === 'camps', words: 2 } : null;
  }
  const kind = KIND_AFTER.get(t.lower);
  return kind ? { kind, plural: PLURAL.has(t.lower), words: 1 } : null;
}

/** A capitalised word that can open a name (not all capitals: "RSF camp" is an organisation's; not a kind word). */
function startsName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return !!t && t.capitalised && !t.allCaps && /^\p{Lu}\p{Ll}/u.test(t.text) && !KIND_AFTER.has(t.lower) && !NOT_NAMES.has(t.lower);
}

/** Capitalised words that open a sentence or a title, never a settlement's name. */
const NOT_NAMES = new Set(['local', 'government', 'the', 'a', 'an', 'in', 'on', 'at', 'from', 'this', 'that', 'its', 'their', 'his', 'her', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'refugee', 'displacement', 'idp']);

/** One past the last token of the capitalised run from `i` (joined by spaces or hyphens, "al-"/"el-" inside). */
function nameEnd(tokens: Token[], i: number): number {
  let k = i + 1;
  while (k < tokens.length && k - i < MAX_NAME_TOKENS && (SPACE.test(tokens[k].gap) || tokens[k].gap === '-') && !tokens[k - 1].possessive) {
    const t = tokens[k];
    // A lower-case article joins when a hyphen ties it to the name ("Gouz Al-Naqa", "Deir al-Balah", "Port-au-Prince").
    const article = /^(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|au|de|la|le)$/.test(t.lower) && (t.gap === '-' || tokens[k + 1]?.gap === '-');
    const joins = t.capitalised ? !t.allCaps && !KIND_AFTER.has(t.lower) && !NOT_NAMES.has(t.lower) : article;
    if (!joins) break;
    k += 1;
  }
  return k;
}
