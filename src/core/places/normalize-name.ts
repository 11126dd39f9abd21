/**
 * Place-name keys for the gazetteer: `normalizeName` is the exact lookup key (case, accents,
 * apostrophes and punctuation folded), `looseKey` a spelling skeleton under which the usual
 * transliteration variants of one Arabic/Turkish/Kurdish name meet ("Nairab", "Nayrab",
 * "al-Nayrab"; "Saraqeb", "Saraqib"). The gazetteer build and every lookup use these two
 * functions, so a change here must bump the gazetteer's fingerprint (it hashes this file).
 */

/** Apostrophe-like marks, dropped: transliterations write ʿayn and hamza with any of them. */
const APOSTROPHES = /['’‘ʼʿʾ`´ʻ′]/gu;
/** Letters that NFKD does not decompose into a base letter plus a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ə: 'e', ŋ: 'n',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');
/** Dotted initialisms: "U.S.", "N.Y.", "D.C." become one token ("us", "ny", "dc"). */
const INITIALISM = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}(?![\p{L}\p{N}])/gu;
/** Fast path: plain lowercase ASCII words separated by single spaces need no work. */
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * The exact lookup key of a name: NFKD, combining marks stripped, lowercase, apostrophes
 * dropped, every other non-letter/digit run (hyphen, underscore, dot, comma…) turned into one
 * space, trimmed. "Erdoğan" → "erdogan", "A'zaz" → "azaz", "Ma'arrat an-Nu'man" →
 * "maarrat an numan", "St. Louis" → "st louis", "U.S." → "us".
 */
export function normalizeName(s: string): string {
  let key = KEYS.get(s);
  if (key === undefined) {
    if (KEYS.size >= MAX_REMEMBERED_KEYS) KEYS.clear();
    key = computeKey(s);
    KEYS.set(s, key);
  }
  return key;
}

/** Keys already computed: the recogniser asks for the same n-grams over and over, across articles too. */
const KEYS = new Map<string, string>();
const MAX_REMEMBERED_KEYS = 50_000;

function computeKey(s: string): string {
  const lower = s.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  return lower
    .replace(INITIALISM, (m) => m.replace(/\./g, ''))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c])
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Arabic article forms that transliterations write as a separate (hyphenated) word: al/el and
 * the sun-letter assimilations (ash-Shughur, an-Nu'man, ad-Dawla, az-Zor…), and ud/ul as in
 * "Abd ul". Dropped when another token follows, so "al Nayrab" and "Nayrab" meet.
 */
const ARTICLES = new Set([
  'al', 'el', 'il', 'ul', 'ud', 'an', 'en', 'ar', 'er', 'as', 'es', 'ash', 'esh', 'at', 'et', 'ad', 'ed', 'az', 'ez', 'ech', 'ej', 'adh', 'ath', 'ats',
]);
/** Generic words spelled in several ways in English place names. */
const WORD_FORMS = new Map([
  ['saint', 'st'], ['sainte', 'ste'], ['mount', 'mt'], ['fort', 'ft'], ['tell', 'tal'], ['tel', 'tal'], ['tall', 'tal'],
]);

/**
 * Spelling skeleton of a name, for transliteration variants. From the exact key:
 * 1. drop Arabic article tokens (al, el, an, ash, ez…) that precede another token;
 * 2. unify a few generic words (saint→st, mount→mt, tell/tel/tall→tal);
 * 3. per token: "ou"→"u" (French: Nouman), "dj"→"j" (Djisr), "q"→"k" (Saraqib/Sarakeb),
 *    "y"→"i" (Nayrab/Nairab), "e"→"i" and "o"→"u" (vowel quality is not written in Arabic:
 *    Saraqeb/Saraqib, Idleb/Idlib, Homs/Hums), "h" after a consonant dropped (kh/sh/gh/th/dh
 *    digraphs are written with or without the h, or with a dot below that NFKD already strips),
 *    a final "h" after a vowel dropped (Raqqah/Raqqa), doubled letters collapsed (Maarrat/Maarat);
 * 4. tokens joined without spaces ("Tell Abyad"/"Telabyad").
 * Distinct European names stay distinct ("Paris" → "paris", "Perris" → "piris"): the rules only
 * merge what transliteration blurs. Written as one pass per token: the recogniser calls it for
 * every candidate n-gram.
 */
export function looseKey(s: string): string {
  const tokens = normalizeName(s).split(' ');
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.length === 0 || (i < tokens.length - 1 && ARTICLES.has(t))) continue;
    out += skeleton(WORD_FORMS.get(t) ?? t);
  }
  return out;
}

/** Step 3 of `looseKey` for one token. */
function skeleton(token: string): string {
  let out = '';
  let prev = '';
  const last = token.length - 1;
  for (let i = 0; i <= last; i++) {
    let c = token[i];
    const next = i < last ? token[i + 1] : '';
    if (c === 'o' && next === 'u') {
      c = 'u';
      i++;
    } else if (c === 'd' && next === 'j') {
      c = 'j';
      i++;
    } else if (c === 'q') c = 'k';
    else if (c === 'y' || c === 'e') c = 'i';
    else if (c === 'o') c = 'u';
    else if (c === 'h' && (CONSONANTS.has(prev) || (i === last && (prev === 'a' || prev === 'i' || prev === 'u')))) continue;
    if (c === prev) continue;
    out += c;
    prev = c;
  }
  return out;
}

const CONSONANTS = new Set('bcdfghjklmnpqrstvwxz');
