/**
 * Reading one article file: bytes in, raw articles and problems out. Pure (no fs): the caller
 * reads the bytes, so the same code runs in Node, in the browser (drag-and-drop) and in tests.
 *
 * Formats, chosen by extension: `.txt`; `.md`/`.markdown` with optional YAML front matter;
 * `.html`/`.htm` (visible text, paragraph breaks kept); `.jsonl`/`.ndjson` (one `{"id","text"}`
 * object a line); `.json` (one such object, an array of them, or `{"articles": [...]}`).
 *
 * Decisions worth knowing:
 * - Text is returned exactly as decoded (line endings too; only a byte-order mark is dropped);
 *   every later span refers to it. HTML gives its visible text, whitespace collapsed as shown.
 *   Markdown front matter is cut off: the returned text is the body after the closing fence.
 * - Invalid UTF-8 is not fatal: a file with valid multi-byte sequences elsewhere is decoded as
 *   UTF-8 with U+FFFD replacements (a few damaged bytes); a file with none is decoded as
 *   windows-1252 (a legacy single-byte file, where that decoding is exact). Either way an
 *   `invalid-utf8` warning says how many bytes and where the first one is: nothing silently lost.
 * - Broken front matter: a warning, the article kept, the front matter block still cut off
 *   (it is metadata, not prose; keeping it would feed keys and values to the place finder).
 */
import { parse as parseYaml } from 'yaml';
import { Parser } from 'htmlparser2';
import type { ArticleMeta, DatePrecision, Problem, RawArticle } from '../model.ts';

/** Options of `readArticleFile`. */
export interface ReadOptions {
  /** Files larger than this many bytes are reported and not decoded (default 5 MB). */
  maxBytes?: number;
}

/** What reading a file gives: its articles (possibly none) and every problem met. */
export interface ReadResult {
  /** The file's articles in file order: one for txt/md/html, one per good record for jsonl/json. */
  articles: RawArticle[];
  /** Every problem met; `error` ones mean something was skipped, `warning` ones that it was kept. */
  problems: Problem[];
}

/** Default size limit: far above any news article, low enough that a stray dump is refused at once. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Share of control bytes (other than tab/newline/CR/FF) above which a file is called binary. */
const MAX_CONTROL_RATIO = 0.05;
/** How many leading bytes the control-byte ratio is measured on. */
const BINARY_SAMPLE = 65536;

const PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month', 'year', 'approximate', 'unknown'];

/** Read one file's bytes into raw articles. `name` is the file name or relative path. */
export function readArticleFile(name: string, bytes: Uint8Array, opts: ReadOptions = {}): ReadResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const problems: Problem[] = [];
  const err = (code: string, message: string): ReadResult => ({
    articles: [],
    problems: [...problems, { code, message, severity: 'error', file: name }],
  });
  const ext = extensionOf(name);
  if (!FORMATS.has(ext)) return err('unknown-extension', `Unsupported file type "${ext || '(none)'}"; expected .txt, .md, .markdown, .html, .htm, .jsonl, .ndjson or .json. File skipped.`);
  if (bytes.length > maxBytes) return err('file-too-large', `File is ${bytes.length} bytes, over the limit of ${maxBytes} bytes. File skipped.`);
  if (bytes.length === 0) return err('empty-file', 'File is empty. File skipped.');
  const decoded = decode(bytes, name);
  if ('binary' in decoded) return err('binary-file', decoded.binary);
  problems.push(...decoded.problems);
  const text = decoded.text;
  if (text.trim() === '') return err('empty-file', 'File contains only whitespace. File skipped.');
  const id = baseName(name);
  const one = (article: RawArticle | null, more: Problem[] = []): ReadResult => ({
    articles: article ? [article] : [],
    problems: [...problems, ...more],
  });
  switch (ext) {
    case 'txt':
      return one({ id, text, file: name, meta: {} });
    case 'md':
    case 'markdown':
      return readMarkdown(id, name, text, problems);
    case 'html':
    case 'htm': {
      const html = extractHtml(text);
      if (html.text.trim() === '') return err('empty-file', 'HTML file has no visible text. File skipped.');
      const { meta, problems: metaProblems } = metaFromRecord(html.meta, name, id);
      return one({ id, text: html.text, file: name, meta }, metaProblems);
    }
    case 'jsonl':
    case 'ndjson':
      return readRecords(name, id, text.split('\n').map((line, i) => ({ where: `line ${i + 1}`, raw: line })), problems);
    default:
      return readJson(name, id, text, problems);
  }
}

const FORMATS = new Set(['txt', 'md', 'markdown', 'html', 'htm', 'jsonl', 'ndjson', 'json']);

/**
 * Map a record's bibliographic fields (JSONL line, front matter, metadata.json entry, HTML
 * meta tags) onto ArticleMeta. Unknown keys are ignored; malformed values become warnings.
 */
export function metaFromRecord(
  record: Record<string, unknown>,
  file?: string,
  articleId?: string,
): { meta: ArticleMeta; problems: Problem[] } {
  const meta: ArticleMeta = {};
  const problems: Problem[] = [];
  const warn = (code: string, message: string) => problems.push({ code, message, severity: 'warning', file, articleId });
  const pick = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = record[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string')) return v.join(', ');
      if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
    }
    return undefined;
  };
  const set = <K extends keyof ArticleMeta>(key: K, value: ArticleMeta[K] | undefined) => {
    if (value !== undefined) meta[key] = value;
  };
  set('title', pick('title', 'headline'));
  set('outlet', pick('outlet', 'source', 'publisher', 'site_name', 'siteName'));
  set('author', pick('author', 'authors', 'byline'));
  set('url', pick('url', 'link', 'canonical'));
  set('publishedNote', pick('publishedNote', 'published_note'));
  set('credit', pick('credit', 'licence', 'license'));
  const published = pick('published', 'date', 'publishedAt', 'published_at', 'datePublished', 'pubdate');
  if (published !== undefined) {
    const iso = normalizeDate(published);
    if (iso) meta.published = iso;
    else warn('bad-date', `Publication date "${published}" is not a recognisable date (expected e.g. 2020-02-06 or February 6, 2020); ignored.`);
  }
  const precision = pick('publishedPrecision', 'published_precision');
  if (precision !== undefined) {
    const p = (precision === 'approx' ? 'approximate' : precision) as DatePrecision;
    if (PRECISIONS.includes(p)) meta.publishedPrecision = p;
    else warn('bad-precision', `Date precision "${precision}" is not one of ${PRECISIONS.join(', ')}; ignored.`);
  }
  return { meta, problems };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** An ISO date (YYYY-MM-DD) from `2020-02-06`, `2020-02-06T10:00Z`, `February 6, 2020`, `6 Feb 2020`. */
export function normalizeDate(value: string): string | undefined {
  const s = value.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(s);
  const mdy = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  const dmy = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (iso) [y, m, d] = [+iso[1], +iso[2], +iso[3]];
  else if (mdy) [y, m, d] = [+mdy[3], MONTHS.indexOf(mdy[1].slice(0, 3).toLowerCase()) + 1, +mdy[2]];
  else if (dmy) [y, m, d] = [+dmy[3], MONTHS.indexOf(dmy[2].slice(0, 3).toLowerCase()) + 1, +dmy[1]];
  else return undefined;
  const daysIn = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (m < 1 || m > 12 || d < 1 || d > daysIn[m - 1]) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------

function readMarkdown(id: string, file: string, text: string, problems: Problem[]): ReadResult {
  // Front matter: a first line `---`, YAML, then a line `---` or `...`.
  const fence = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!fence) {
    if (/^---[ \t]*\r?\n/.test(text) && /^[\w-]+:\s/m.test(text.slice(0, 2000))) {
      problems.push({ code: 'unclosed-front-matter', message: 'File starts with "---" and key: value lines but has no closing "---"; read the whole file as text.', severity: 'warning', file, articleId: id });
    }
    return { articles: [{ id, text, file, meta: {} }], problems };
  }
  const body = text.slice(fence[0].length);
  let record: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseYaml(fence[1] ?? '');
    if (parsed !== null && parsed !== undefined && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new Error('front matter is not a set of key: value pairs');
    }
    record = (parsed as Record<string, unknown>) ?? {};
  } catch (e) {
    const why = String((e as Error).message).split('\n')[0];
    problems.push({ code: 'bad-front-matter', message: `Front matter could not be read (${why}); article kept without its metadata, front matter block left out of the text.`, severity: 'warning', file, articleId: id });
  }
  const ownId = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : id;
  if (body.trim() === '') {
    return { articles: [], problems: [...problems, { code: 'empty-file', message: 'Markdown file has front matter but no text. File skipped.', severity: 'error', file, articleId: ownId }] };
  }
  const { meta, problems: metaProblems } = metaFromRecord(record, file, ownId);
  return { articles: [{ id: ownId, text: body, file, meta }], problems: [...problems, ...metaProblems] };
}

function readJson(file: string, id: string, text: string, problems: Problem[]): ReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { articles: [], problems: [...problems, { code: 'bad-json', message: `File is not valid JSON (${(e as Error).message}). File skipped.`, severity: 'error', file }] };
  }
  const list = Array.isArray(parsed) ? parsed
    : isRecord(parsed) && Array.isArray(parsed.articles) ? parsed.articles
    : [parsed];
  const single = list.length === 1 && !Array.isArray(parsed);
  return readRecords(file, id, list.map((item, i) => ({ where: single ? 'the file' : `item ${i + 1}`, value: item, single })), problems);
}

interface RecordInput {
  /** `line 3` / `item 2`: for messages. */
  where: string;
  /** Raw JSON text (JSONL) or an already parsed value (JSON). */
  raw?: string;
  value?: unknown;
  /** A lone object in a .json file: its id defaults to the file name. */
  single?: boolean;
}

/** JSONL lines or JSON items → articles; a bad record is reported by position, others kept. */
function readRecords(file: string, base: string, inputs: RecordInput[], problems: Problem[]): ReadResult {
  const articles: RawArticle[] = [];
  const report = (code: string, message: string, severity: Problem['severity'] = 'error', articleId?: string) =>
    problems.push({ code, message, severity, file, articleId });
  for (const input of inputs) {
    let value = input.value;
    if (input.raw !== undefined) {
      const raw = input.raw.replace(/\r$/, '');
      if (raw.trim() === '') continue;
      try {
        value = JSON.parse(raw);
      } catch (e) {
        report('bad-jsonl-line', `${cap(input.where)} is not valid JSON (${(e as Error).message}); line skipped, other lines kept.`);
        continue;
      }
    }
    if (!isRecord(value)) {
      report('bad-record', `${cap(input.where)} is not a JSON object; skipped.`);
      continue;
    }
    const hasId = typeof value.id === 'string' ? value.id.trim() !== '' : typeof value.id === 'number';
    const id = hasId ? String(value.id).trim() : input.single ? base : `${base}-${input.where.replace(/\D/g, '')}`;
    if (typeof value.text !== 'string' || value.text.trim() === '') {
      report('missing-text', `${cap(input.where)} has no "text" string${typeof value.text === 'string' ? ' (it is empty)' : ''}; skipped.`, 'error', hasId ? id : undefined);
      continue;
    }
    if (!hasId && !input.single) report('missing-id', `${cap(input.where)} has no "id"; named "${id}".`, 'warning', id);
    const { meta, problems: metaProblems } = metaFromRecord(value, file, id);
    problems.push(...metaProblems);
    articles.push({ id, text: value.text, file, meta });
  }
  return { articles, problems };
}

// ---------------------------------------------------------------------------------------------
// HTML → visible text

/** Elements whose content is never visible article text. */
const HTML_SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'nav', 'form', 'button', 'select', 'textarea']);
/** Elements that end a paragraph: their text becomes its own blank-line separated block. */
const HTML_BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'blockquote', 'pre', 'figure', 'figcaption', 'hr', 'address', 'details', 'summary', 'body', 'caption']);
const HTML_DATE_KEYS = /^(article:published_time|datepublished|date|pubdate|dc\.date|publish-date)$/;

/** Visible text of an HTML page (paragraphs separated by blank lines) and its meta fields. */
function extractHtml(html: string): { text: string; meta: Record<string, string> } {
  const found: Record<string, string> = {};
  const note = (k: string, v: string | undefined) => { if (v?.trim() && !found[k]) found[k] = v.trim(); };
  const out: string[] = []; // pieces of the text, joined once at the end (appending is quadratic)
  let gap = ''; // separator owed before the next text: ' ' (table cell), '\n' (<br>), '\n\n' (block)
  let skip = 0; // depth inside a skipped or hidden element
  let pre = 0;
  let svg = 0; // an <svg> has <title>s of its own
  let capture: string | null = null; // 'htmlTitle' | 'h1' | 'ld' while collecting their text
  let captured = '';
  const ld: string[] = [];
  const owe = (s: string) => { if (s.length > gap.length) gap = s; };
  const parser = new Parser({
    onopentag(name, a) {
      const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
      if (name === 'meta' && (key === 'og:title' || key === 'twitter:title')) note('ogTitle', a.content);
      else if (name === 'meta' && key === 'og:site_name') note('outlet', a.content);
      else if (name === 'meta' && (key === 'author' || key === 'article:author') && !/^https?:/.test(a.content ?? '')) note('author', a.content);
      else if (name === 'meta' && key === 'og:url') note('url', a.content);
      else if (name === 'meta' && HTML_DATE_KEYS.test(key)) note('published', a.content);
      else if (name === 'link' && /\bcanonical\b/i.test(a.rel ?? '')) note('url', a.href);
      else if (name === 'time' && !skip) note('timeDate', a.datetime);
      if (name === 'svg') svg++;
      if ((name === 'script' && /ld\+json/i.test(a.type ?? '')) || (name === 'title' && !capture && !svg) || (name === 'h1' && !skip)) {
        capture = name === 'script' ? 'ld' : name === 'title' ? 'htmlTitle' : 'h1';
        captured = '';
      }
      const hidden = 'hidden' in a || a['aria-hidden'] === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? '');
      if (skip || HTML_SKIP.has(name) || hidden) { skip++; return; }
      if (name === 'pre') pre++;
      if (name === 'br') owe('\n');
      else if (HTML_BLOCK.has(name)) owe('\n\n');
      else if (name === 'td' || name === 'th') owe(' ');
    },
    ontext(data) {
      if (capture) captured += data;
      if (skip) return;
      // Whitespace runs collapse as a browser shows them; a no-break space becomes a plain one.
      const t = pre ? data : data.replace(/\s+/g, ' ');
      const last = out.length ? out[out.length - 1].slice(-1) : '';
      if (t === '' || (!pre && t === ' ' && (gap || !last || last === ' '))) return;
      if (!last) out.push(pre ? t : t.trimStart());
      else if (gap.startsWith('\n')) out.push(gap, pre ? t : t.trimStart());
      else out.push(gap && !/\s/.test(last) ? gap + t : t);
      gap = '';
    },
    onclosetag(name) {
      if (capture && (name === 'title' || name === 'h1' || name === 'script')) {
        if (capture === 'ld') ld.push(captured);
        else note(capture, captured.replace(/\s+/g, ' '));
        capture = null;
      }
      if (name === 'svg') svg--;
      if (skip) { skip--; return; }
      if (name === 'pre') pre--;
      if (HTML_BLOCK.has(name)) owe('\n\n');
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  for (const block of ld) {
    try {
      for (const item of [JSON.parse(block)].flat()) {
        if (!isRecord(item)) continue;
        const author = [item.author].flat()[0];
        note('ldTitle', typeof item.headline === 'string' ? item.headline : undefined);
        note('ldDate', typeof item.datePublished === 'string' ? item.datePublished : undefined);
        note('ldAuthor', isRecord(author) && typeof author.name === 'string' ? author.name : typeof author === 'string' ? author : undefined);
        note('ldOutlet', isRecord(item.publisher) && typeof item.publisher.name === 'string' ? item.publisher.name : undefined);
      }
    } catch { /* malformed JSON-LD is common in the wild; the meta tags still count */ }
  }
  // Preference: what the publisher declares for sharing (og:, JSON-LD) over <title>, which
  // often carries a " | Site name" suffix, over the first <h1>.
  const meta: Record<string, string> = {};
  const choose = (key: string, ...values: Array<string | undefined>) => {
    const v = values.find((x) => x);
    if (v) meta[key] = v;
  };
  choose('title', found.ogTitle, found.ldTitle, found.htmlTitle, found.h1);
  choose('outlet', found.outlet, found.ldOutlet);
  choose('author', found.author, found.ldAuthor);
  choose('url', found.url);
  choose('published', found.published, found.ldDate, found.timeDate);
  return { text: out.join('').replace(/[ \t]+\n/g, '\n').trimEnd(), meta };
}

// ---------------------------------------------------------------------------------------------
// Bytes → text

type Decoded = { text: string; problems: Problem[] } | { binary: string };

function decode(bytes: Uint8Array, file: string): Decoded {
  const problems: Problem[] = [];
  // UTF-16 files are full of NUL bytes: recognise them by their byte-order mark first.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(enc).decode(bytes.subarray(2)), problems };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { binary: `File contains NUL bytes (first at byte ${nul}): it is binary, not text. File skipped.` };
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  let control = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  if (control / sample.length > MAX_CONTROL_RATIO) {
    return { binary: `${Math.round((100 * control) / sample.length)}% of the first ${sample.length} bytes are control characters: the file is binary, not text. File skipped.` };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), problems };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(body);
    const bad = (lossy.match(/\uFFFD/g) ?? []).length;
    const first = firstInvalidUtf8(body);
    const mostlyUtf8 = /[^\x00-\x7f\uFFFD]/.test(lossy);
    const how = mostlyUtf8
      ? `decoded as UTF-8 with ${bad} invalid sequence(s) replaced by U+FFFD`
      : 'it has no valid multi-byte UTF-8 at all, so it was decoded as windows-1252 (Latin-1)';
    problems.push({ code: 'invalid-utf8', message: `File is not valid UTF-8 (first bad byte at offset ${first}); ${how}. Article kept.`, severity: 'warning', file });
    return { text: mostlyUtf8 ? lossy : new TextDecoder('windows-1252').decode(body), problems };
  }
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function baseName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
