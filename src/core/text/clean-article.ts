/**
 * Cleaning: find what in a scraped article is not the article (bylines, datelines, navigation,
 * share prompts, footers, image credits, injected advertisements, duplicated titles, markup
 * leftovers), pick a title, and split the rest into sentences. The text itself is never
 * changed: boilerplate is returned as spans, so offsets stay valid and the reader can grey
 * them out. Later stages ignore everything inside them (a date in a footer or an advertisement
 * never dates anything).
 *
 * The rules are general page-furniture patterns, line by line, plus two positional ones: a run
 * of furniture-like paragraphs at the end of the text is a footer as a whole, and a teaser
 * block (a headline plus a paragraph ending in "Read More") is an injected advertisement or
 * "related" box. Pure: no I/O.
 */
import type { BoilerplateKind, BoilerplateSpan, CleanedArticle, Problem, RawArticle, Span } from '../model.ts';
import { splitSentences } from './sentences.ts';

/** Clean one article: boilerplate spans, title and content sentences; `text` is kept as is. */
export function cleanArticle(raw: RawArticle): { article: CleanedArticle; problems: Problem[] } {
  const lines = splitLines(raw.text);
  for (const line of lines) line.kind = classifyLine(line);
  markCaptionCredits(lines);
  markTeasers(lines);
  markFooter(lines);
  for (const l of lines) if (!l.kind) l.parts = partialSpans(raw.text, l);
  // The title: the metadata's, else a heading-like line among the first two content lines.
  const titleLine = lines.filter((l) => !l.kind).slice(0, 2).find((l) => !l.parts.length && isHeadingLike(l));
  const title = raw.meta.title?.trim() || (titleLine && titleLine.plain);
  if (title) {
    const key = comparable(title);
    for (const l of lines) if (l !== titleLine && !l.kind && comparable(l.plain) === key) l.kind = 'title';
  }
  const boilerplate = toSpans(lines);
  const sentences = splitSentences(raw.text, boilerplate);
  const problems: Problem[] = [];
  if (!sentences.length) {
    problems.push({ code: 'no-content', message: 'Everything in this article looks like page furniture (no content sentence left).', severity: 'warning', file: raw.file, articleId: raw.id });
  }
  const fallback = sentences.length ? shorten(raw.text.slice(sentences[0].start, sentences[0].end)) : raw.id;
  return { article: { ...raw, title: title || fallback, boilerplate, sentences }, problems };
}

interface Line extends Span {
  /** The line as written (trimmed). */
  raw: string;
  /** Without markdown/HTML markup: emphasis, link targets, tags, heading markers. */
  plain: string;
  /** Paragraph number (blank-line separated). */
  paragraph: number;
  /** Words of `plain` (1 for an empty line, as `split` counts), counted once: several rules weigh them. */
  words: number;
  kind: BoilerplateKind | null;
  /** Boilerplate inside a content line (a leading date stamp, a trailing photo credit). */
  parts: BoilerplateSpan[];
}

// --- Rules, each a general pattern of page furniture (matched against the plain line) ---------

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?Z?)?|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{4}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})`;
const DATE_RE = new RegExp(DATE, 'i');
const TIME_RE = /\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4}T))?\b/gi;
/** Wire and photo agencies and stock-image sites, as they appear in credits. */
const AGENCY = '(?:Reuters|AFP|AP|Associated Press|Getty Images|Getty|EPA|EPA-EFE|Anadolu(?: Agency)?|Xinhua|TASS|Sputnik|SANA|UPI|DPA|ANSA|Shutterstock|Pixabay|Unsplash|Pexels|iStock(?:photo)?|Alamy|Flickr|Wikimedia Commons|Wikipedia|NurPhoto|ZUMA(?: Press)?|Sipa|Bloomberg)';
const STOCK_SITE = /\b(?:pixabay|unsplash|pexels|shutterstock|getty ?images|istock(?:photo)?|alamy|wikimedia commons|flickr|depositphotos|dreamstime|123rf)\b/i;

/** Full-line rules, in priority order. `max` bounds the line's word count where the pattern alone could occur in prose. */
const LINE_RULES: Array<{ kind: BoilerplateKind; re: RegExp; max?: number }> = [
  { kind: 'advertisement', re: /^(?:advertisements?|sponsored(?: content| links?| stories| post| by [^.,;]{1,40})?|promoted(?: content| stories| links)?|paid (?:content|post|partner content)|partner content|ads? by \w+|(?:story|article) continues below(?: advertisement)?|continue reading below|scroll to continue(?: with content)?)\W*$/i },
  { kind: 'share', re: /^(?:share(?:\s*:|$| this\b| via\b| on (?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|email)\b| (?:the |this )?(?:article|story|post|page)\b)|click (?:the )?share|please (?:click|use) the share|note to readers\b|forward this (?:article|story)|crosspost\b|tweet this|email this|print this|subscribe\b|sign up\b.*\b(?:newsletter|updates)|get (?:our|the) (?:daily |weekly )?newsletter|follow us\b|like us on|join (?:us|our)\b.*\b(?:on|channel|telegram|whatsapp)\b|comment on\b.*\b(?:facebook|twitter|page)\b|become a (?:member|subscriber|patron|supporter)\b|support (?:our|independent|us)\b|donate\b|download (?:our|the) app|listen to (?:this|the) (?:article|story))/i, max: 60 },
  { kind: 'copyright', re: /^(?:copyright\s*(?:©|\(c\)|\d{4}|by\b|:|$)|©|\(c\) ?\d{4}|the original source of this article is|this (?:article|story|piece|report|post|essay) (?:was |is |has been )?(?:originally |first )?(?:published|appeared|posted|republished)\b|(?:originally|first) (?:published|appeared) (?:on|in|at|by)\b|republished (?:with|from|under)\b)|\ball rights reserved\b|\bcreative commons\b.*\blicen[cs]e/i, max: 80 },
  { kind: 'disclaimer', re: /^(?:disclaimer\b|(?:the )?(?:views|opinions) expressed (?:in this|here|are (?:those|solely|the author)|by (?:the )?(?:authors?|writers?|contributors?))|for (?:media|press) (?:inquiries|enquiries|contacts?)\b)|\bcontains copyrighted material\b/i },
  // "Label: value" navigation; the value is a list of links or topics, never a sentence.
  { kind: 'navigation', re: /^(?:regions?|themes?|topics?|tags?|categor(?:y|ies)|filed under|in-depth report|sections?|keywords|more (?:on|from|about|by)|see also|related(?: \w+){0,2}|read (?:more|also|next)|also read|you (?:may|might) also like|recommended(?: for you| reading| stories)?|most (?:read|popular|viewed|shared)|trending(?: now)?|further reading|(?:more )?articles by|(?:previous|next) (?:article|post|story))\s*:.{0,200}[^.!?]$/i },
  { kind: 'navigation', re: /^(?:our|editorial) standards\s*:/i, max: 15 },
  { kind: 'navigation', re: /^(?:related(?: \w+){0,2}|read (?:more|also|next)|you (?:may|might) also like|recommended(?: for you| reading| stories)?|most (?:read|popular|viewed|shared)|trending(?: now)?|more stories|no posts to display|back to top|skip to (?:main )?content|load more|show comments|view comments|\d+ comments?)\W*$/i },
  // Names only: capitalised words (no weekday or month: "By Tuesday" is prose), joined by and/&/commas.
  { kind: 'byline', re: /^(?:(?:[Ww]ritten|[Rr]eported|[Ww]ords|[Ss]tory|[Tt]ext) )?(?:[Bb]y|BY|[Aa]uthors?:)\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|The\b|the\b)(?:[\p{Lu}][\p{L}'’.-]*\.?(?:\s+|,\s*|\s*&\s*|\s+and\s+|\s+(?:in|for|of|at|de|al|van|von|bin|ibn)\s+|$)){1,9}(?:[-–—|]\s*[\p{L} ]{2,40})?$/u, max: 14 },
  { kind: 'byline', re: /^\(?(?:additional )?reporting by\b.*(?:editing by\b.*)?\)?$/i, max: 40 },
  { kind: 'image-credit', re: new RegExp(`^(?:photo|image|picture|photograph|illustration|graphic|caption|featured image|top image|main image|header image|file photo|cover photo|pictured)s?(?: credits?)?\\s*(?::|-|–|—|by\\b|©)|^\\(?(?:${AGENCY})(?: Photo| Images?)?/[^)]{1,60}\\)?$|^\\((?:${AGENCY})\\)$`, 'i'), max: 40 },
  { kind: 'image-credit', re: /^(?:credits?|source|photo credit)\s*(?::|-|–|—|©)/i, max: 8 },
  { kind: 'other', re: /^(?:[-*_=~•·]\s*){3,}$|^\*$|^(?:\d+ ?min(?:ute)? read|listen|print|email|save)$/i },
];

function classifyLine(line: Line): BoilerplateKind | null {
  const { plain, raw } = line;
  const words = plain === '' ? 0 : line.words;
  if (raw === '\\*' || /^(?:[-*_=~]\s*){3,}$/.test(raw)) return 'other';
  // The word bound first: it is cheaper than the pattern and rules out most prose lines.
  for (const rule of LINE_RULES) if ((!rule.max || words <= rule.max) && rule.re.test(plain)) return rule.kind;
  if (STOCK_SITE.test(plain) && words <= 15 && !/[.!?]$/.test(plain)) return 'image-credit';
  if (isLinkOnly(raw)) return 'navigation';
  if (/^(?:<[^>]+>\s*)+$|^!\[[^\]]*\]\([^)]*\)$/.test(raw)) return 'other';
  // A dateline: a short line that is a date plus at most a few words (outlet, place, "Updated").
  const date = DATE_RE.exec(plain);
  if (date && !/[.!?]["”]?$/.test(plain)) {
    const rest = plain.replace(date[0], ' ').replace(TIME_RE, ' ').replace(/\b(?:updated|published|posted|last|on|at|date|am|pm)\b/gi, ' ');
    if (rest.split(/[\s,|•·–—:-]+/).filter((w) => /\p{L}/u.test(w)).length <= 5) return 'dateline';
  }
  return null;
}

const CRUMB = "[\\p{L}\\p{N}'&. -]{1,30}";
const CRUMBS_RE = new RegExp(`^(?:${CRUMB}\\s[›»>]\\s)+${CRUMB}$`, 'u');
const PIPES_RE = new RegExp(`^(?:${CRUMB}\\s\\|\\s){2,}${CRUMB}$`, 'u');

/** What every link (`[`, `<a`) and every breadcrumb separator (`›`, `»`, `>`, `|`) needs: most lines have none. */
const MAY_BE_LINKS = /[[<›»>|]/;

/** Links and separators only: a breadcrumb, a "Become a member" button, a row of tags. */
function isLinkOnly(raw: string): boolean {
  if (!MAY_BE_LINKS.test(raw)) return false;
  const links = raw.match(/\[[^\]]*\]\([^)]*\)|<a\b[^>]*>.*?<\/a>/gi) ?? [];
  if (!links.length) {
    // Plain breadcrumbs: "Home > World > Africa", "World News › Middle East"; a pipe needs three items.
    return raw.split(/\s+/).length <= 12 && (CRUMBS_RE.test(raw) || PIPES_RE.test(raw));
  }
  return raw.replace(/\[[^\]]*\]\([^)]*\)|<a\b[^>]*>.*?<\/a>/gi, '').replace(/[\s*_,|/›»>·•()-]/g, '') === '';
}

const GLUED_CREDIT_RE = new RegExp(`^\\s*(?:[-–—|/,]\\s*)?(?:photo:?\\s*)?${AGENCY}(?:/[\\p{L} .'-]{1,40})?\\s*$`, 'iu');

/** A caption line repeated with an agency name glued to it ("Name\nNameReuters"): both are credit. */
function markCaptionCredits(lines: Line[]): void {
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const cur = lines[i];
    if (prev.plain.length >= 3 && cur.plain.startsWith(prev.plain) && GLUED_CREDIT_RE.test(cur.plain.slice(prev.plain.length))) {
      prev.kind = cur.kind = 'image-credit';
    }
  }
}

/** Money, markets and click-bait vocabulary: the signal of an injected investment teaser. */
const FINANCE_RE = /\b(?:stocks?|shares?|shorts?|hedge funds?|investors?|investing|investment|portfolio|dividends?|returns?|returned|benchmark|S&P(?: 500)?|Nasdaq|Dow Jones|crypto(?:currency)?|bitcoin|earnings|IPO|valuation|trading|forex|capital|profits?|loss(?:es)?|Q[1-4] \d{4})\b|\d+(?:\.\d+)?%|\$\d/gi;

function financeScore(s: string): number {
  return (s.match(FINANCE_RE) ?? []).length;
}

/**
 * Teaser blocks: a paragraph ending in a bare "Read More"/"Continue reading" (a truncated
 * promo), with the headline-like paragraph just before it; and a headline full of money words in
 * an article that otherwise has almost none. Money vocabulary makes it an advertisement.
 */
function markTeasers(lines: Line[]): void {
  const paras = paragraphs(lines);
  const words = (ls: Line[]) => ls.reduce((n, l) => n + l.words, 0);
  const allWords = words(lines);
  // The money counts are scanned only for the paragraphs that may be teasers, the whole text's once at most.
  let allMoney: number | null = null;
  paras.forEach((para, i) => {
    const text = para.map((l) => l.plain).join(' ');
    const prev = paras[i - 1];
    const headline = prev && prev.length === 1 && !prev[0].kind && isHeadingLike(prev[0]) && i > 1 ? prev[0] : null;
    const money = () => financeScore(text) + (headline ? financeScore(headline.plain) : 0);
    if (/(?:\bread more|\bcontinue reading)\s*(?:»|›|→|\.\.\.|…)?$/i.test(text) && words(para) <= 120) {
      const labelled = paras[i - (headline ? 2 : 1)]?.some((l) => l.kind === 'advertisement');
      const kind: BoilerplateKind = money() >= 2 || labelled ? 'advertisement' : 'related';
      for (const l of para) l.kind ??= kind;
      if (headline) headline.kind = kind;
    } else if (para.length === 1 && !para[0].kind && isHeadingLike(para[0]) && financeScore(para[0].plain) >= 3) {
      allMoney ??= financeScore(lines.map((l) => l.plain).join(' '));
      const baseline = (allMoney - money()) / Math.max(1, allWords - words(para) - (headline ? words([headline]) : 0));
      if (baseline < 0.01) para[0].kind = 'advertisement';
    }
  });
}

/** Paragraph-level footer: the run of furniture-like paragraphs at the end of the text. */
function markFooter(lines: Line[]): void {
  const paras = paragraphs(lines);
  for (let i = paras.length - 1; i > 0; i--) {
    const para = paras[i];
    if (para.every((l) => l.kind)) continue;
    const text = para.map((l) => l.plain).join(' ');
    const words = text.split(/\s+/).length;
    const bio = words <= 60 && /^[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,4}\s+(?:is|was|has been)\s+(?:a|an|the)\b/u.test(text) &&
      /\b(?:writer|journalist|author|editor|fellow|professor|correspondent|analyst|researcher|contributor|reporter|director|columnist|founder|lecturer|expert|member)\b/i.test(text);
    const wrapped = para.length === 1 && /^(\*{1,2}|_)[^*_].*\1$/.test(para[0].raw) && words <= 40; // an italic note
    const stub = words <= 8 && !/[.!?]["”]?$/.test(text) && !/\d/.test(text); // "Newsletter", a tag list
    const appeal = words <= 60 && /\b(?:become a (?:member|patron|subscriber|supporter)|support (?:our|independent|quality) (?:journalism|work|reporting)|make a donation|donate (?:now|today))\b/i.test(text);
    if (!bio && !wrapped && !stub && !appeal) break;
    for (const l of para) l.kind ??= bio ? 'byline' : appeal ? 'share' : 'other';
  }
}

/** "date 2020-03-02 …", "Published: May 2, 2024 10:00 …" at the start of a content line. */
const STAMP_RE = new RegExp(`^(?:date|published|posted|updated|last updated)(?: on)?:?\\s*${DATE}(?:,?\\s*(?:at\\s*)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?)?`, 'i');
/** "… on March 1, 2020. Source AFP" / "… (AP Photo/Jane Doe)" at the end of a caption line. */
const CREDIT_RE = new RegExp(`(?<=[.!?"”]\\s{0,3})(?:(?:Source|Photo|Image|Credit|Picture|Photograph)s?(?: credit)?\\s*[:\\-–—]?\\s*[\\p{Lu}][\\p{L}&.'’-]*(?:[\\s/]+(?:[\\p{Lu}][\\p{L}&.'’-]*|via|by)){0,5}|\\((?:${AGENCY})(?: Photo| Images)?/[^)]{1,60}\\))\\s*$`, 'u');
/** "… March 14, 2023. REUTERS/Khaled Abdullah": agency/photographer after a caption. */
const AGENCY_CREDIT_RE = new RegExp(`(?<=[.!?"”]\\s{1,3})(?:${AGENCY}|${AGENCY.toUpperCase()})/[\\p{Lu}][\\p{L}.'’ -]{1,40}$`, 'u');
/** "(AP Photo/Jane Doe)" anywhere in a line. */
const AP_PHOTO_RE = new RegExp(`\\((?:${AGENCY}) Photo/[^)]{1,60}\\)`, 'g');

/** Boilerplate inside a content line: a leading date stamp or a trailing photo credit. */
function partialSpans(text: string, line: Line): BoilerplateSpan[] {
  const out: BoilerplateSpan[] = [];
  const body = text.slice(line.start, line.end);
  const stamp = STAMP_RE.exec(body);
  if (stamp) out.push({ start: line.start, end: line.start + stamp[0].length, kind: 'dateline' });
  const found = CREDIT_RE.exec(body) ?? AGENCY_CREDIT_RE.exec(body);
  if (found) out.push({ start: line.start + found.index, end: line.end, kind: 'image-credit' });
  for (const m of body.matchAll(AP_PHOTO_RE)) {
    if (!found || m.index < found.index) out.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, kind: 'image-credit' });
  }
  return out;
}

// --- Helpers -----------------------------------------------------------------------------------

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let paragraph = 0;
  let blank = false;
  for (const m of text.matchAll(/[^\n]*/g)) {
    const lineText = m[0];
    if (m.index > 0 && text[m.index - 1] !== '\n') continue; // matchAll yields an empty match after each line
    const lead = lineText.length - lineText.trimStart().length;
    const raw = lineText.trim();
    if (!raw) { blank = lines.length > 0; continue; }
    if (blank) paragraph++;
    blank = false;
    const plain = plainText(raw);
    lines.push({ start: m.index + lead, end: m.index + lead + raw.length, raw, plain, paragraph, words: wordCount(plain), kind: null, parts: [] });
  }
  return lines;
}

/** `plain` is trimmed with single spaces: its words are its spaces plus one (what `split(/\s+/)` counts). */
function wordCount(plain: string): number {
  let n = 1;
  for (let i = plain.indexOf(' '); i >= 0; i = plain.indexOf(' ', i + 1)) n++;
  return n;
}

/**
 * What `plainText` would change: markup characters, a leading marker, whitespace other than
 * single spaces. A line of plain prose (most lines) is its own plain text.
 */
const MARKUP = /[[<\\*_]|^[#>+•-]|[^\S ]| {2}/;

function plainText(raw: string): string {
  if (!MARKUP.test(raw)) return raw;
  return raw
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/^(?:#{1,6}\s+|>\s*|[-+•]\s+)/, '')
    .replace(/\\([*_#\\[\]])/g, '$1')
    .replace(/(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function paragraphs(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  for (const l of lines) {
    if (out.length && out[out.length - 1][0].paragraph === l.paragraph) out[out.length - 1].push(l);
    else out.push([l]);
  }
  return out;
}

/** A markdown heading, or a short line without a closing full stop. */
function isHeadingLike(line: Line): boolean {
  if (/^#{1,6}\s/.test(line.raw)) return true;
  return line.words <= 30 && line.plain.length <= 200 && /\p{L}/u.test(line.plain) && !/[.,;:]["”’]?$/.test(line.plain);
}

function comparable(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Line kinds and partial spans → spans; consecutive lines of one kind in one paragraph merge. */
function toSpans(lines: Line[]): BoilerplateSpan[] {
  const out: BoilerplateSpan[] = [];
  let prev: Line | null = null;
  for (const l of lines) {
    const last = out[out.length - 1];
    if (l.kind && last && prev?.kind === l.kind && prev.paragraph === l.paragraph && last.end === prev.end) last.end = l.end;
    else if (l.kind) out.push({ start: l.start, end: l.end, kind: l.kind });
    out.push(...l.parts);
    prev = l;
  }
  return out;
}

function shorten(s: string, max = 100): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:-]+$/, '') + '…';
}
