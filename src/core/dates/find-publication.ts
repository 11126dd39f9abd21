/**
 * The publication date of an article, and how it was found, in order of trust:
 * 1. metadata supplied with the article (`meta.published`, `meta.publishedPrecision`);
 * 2. a dateline in the text: a boilerplate span the cleaner marked `dateline`, a labelled date
 *    ("Published: …", " date 2020-03-02", "Updated …"), a short line near the top that is
 *    little more than a full date ("Global Research, February 06, 2020"), or a wire dateline
 *    opening the story ("KHARTOUM, April 16, 2023 (Agency) -", wire-dateline.ts); a wire
 *    dateline without a year ("NYALA, Sudan, Oct. 27 (Reuters) -") takes the year of the latest
 *    date the text names, marked `approximate`, and leaves the article undated when it names none;
 * 3. a date in the article's URL ("/2024/06/25/"), as most news sites write one;
 * 4. inference from the explicit full dates in the content sentences (the latest of them),
 *    marked `approximate` (a month-and-year only: `month`);
 * 5. undated: `{published: null, precision: 'unknown', source: 'none'}`.
 * Dates inside any other boilerplate never date an article: an advertisement or a copyright
 * footer carries dates of its own (article 004 of the sample corpus is from 2015 and carries a
 * teaser about 2020). Never the clock.
 */
import type { CleanedArticle, DatePrecision, Publication, Span } from '../model.ts';
import { dayNumber, isoFromDay } from '../common/geo.ts';
import { parseDates } from './chrono-parse.ts';
import { wireDateline, yearFor, type WireDateline } from './wire-dateline.ts';
import { overlapsAny } from '../common/span-index.ts';

/** Only the first part of an article can hold its dateline (the head: title, byline, date). */
const HEAD_CHARS = 1200;
/** A dateline line is short: a date plus an outlet, a place or a label. */
const DATELINE_MAX_CHARS = 100;
const PRECISIONS: DatePrecision[] = ['day', 'week', 'month', 'year', 'approximate', 'unknown'];

/** Find the publication date of a cleaned article. */
export function findPublication(article: CleanedArticle): Publication {
  const metadata = fromMetadata(article);
  if (metadata) return metadata;
  const dateline = fromDateline(article);
  const url = fromUrl(article);
  // A line that is a date and nothing else may be the page's clock ("July 20th, 2024" above an AP
  // story of 17 January): where the article's URL gives another day, the URL is the better witness.
  if (dateline?.span && url?.precision === 'day' && url.published !== dateline.published && bareDateLine(article.text, dateline.span)) return url;
  return dateline ?? url ?? fromContent(article) ?? { published: null, precision: 'unknown', source: 'none', evidence: 'no date in metadata, dateline, URL or content' };
}

/** Whether the line holding a date holds nothing else: no outlet, no place, no label. */
function bareDateLine(text: string, date: Span): boolean {
  const start = text.lastIndexOf('\n', date.start - 1) + 1;
  const nl = text.indexOf('\n', date.end);
  const rest = text.slice(start, date.start) + text.slice(date.end, nl < 0 ? text.length : nl);
  return !/\p{L}{2,}/u.test(rest.replace(/\b(?:st|nd|rd|th)\b/g, ''));
}

/** A date in the article's address: "/2024/06/25/", "-2024-06-25-", "/2024/06/" (a month). */
const URL_DATE_RE = /(?:^|[/_.-])((?:19|20)\d\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/_.-]|$)/;

/** "/articles/175332/20250830/at-least-three-dead…": a date written as one path segment of eight digits. */
const COMPACT_URL_DATE_RE = /\/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\/|$)/;

function compactUrlDate(path: string): Publication | null {
  const m = COMPACT_URL_DATE_RE.exec(path);
  if (!m) return null;
  const published = `${m[1]}-${m[2]}-${m[3]}`;
  // 20250231 is no day: the calendar, not the pattern, decides.
  if (isoFromDay(dayNumber(published)) !== published) return null;
  return { published, precision: 'day', source: 'metadata', evidence: `the date in the article's URL (${m[0].slice(1)})` };
}

/** The publication date most news sites write into their URLs. */
function fromUrl(article: CleanedArticle): Publication | null {
  const url = article.meta.url;
  if (!url) return null;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // not a full URL: read it as it is
  }
  const m = URL_DATE_RE.exec(path);
  if (!m) return compactUrlDate(path);
  return { published: `${m[1]}-${m[2]}-${m[3] ?? '01'}`, precision: m[3] ? 'day' : 'month', source: 'metadata', evidence: `the date in the article's URL (${m[0].replace(/^[/_.-]/, '')})` };
}

function fromMetadata(article: CleanedArticle): Publication | null {
  const value = article.meta.published?.trim();
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const published = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  if (dayNumber(published) < 0) return null;
  const given = (article.meta.publishedPrecision as string | undefined) === 'approx' ? 'approximate' : article.meta.publishedPrecision;
  const precision: DatePrecision = given && PRECISIONS.includes(given) ? given : m[3] ? 'day' : m[2] ? 'month' : 'year';
  const note = article.meta.publishedNote ? ` (${article.meta.publishedNote})` : '';
  return { published, precision, source: 'metadata', evidence: `metadata: published ${value}${note}` };
}

/** A full date found in a piece of text, with where it is. */
interface FoundDate {
  date: string;
  precision: DatePrecision;
  text: string;
  span: Span;
}

/** A label opening a line, right before the date: "Published: …", " date 2020-03-02", "Updated on …". */
const LABEL_RE = /^[\s*_#>|-]*(published|posted|date|dated|first published|last updated|updated|modified)\b\s*(?:on|at)?\s*:?\s*$/i;

/** How every LABEL_RE match opens (LABEL_RE reads from the line start), without its word boundary: a looser test. */
const LABEL_START_RE = /^[\s*_#>|-]*(?:published|posted|date|first published|last updated|updated|modified)/i;

function fromDateline(article: CleanedArticle): Publication | null {
  const { text } = article;
  const inOtherBoilerplate = overlapsAny(article.boilerplate.filter((b) => b.kind !== 'dateline'));
  const outside = (span: Span) => !inOtherBoilerplate(span);
  const candidates: Array<FoundDate & { rank: number; why: string; source?: string }> = [];
  let yearless: WireDateline | null = null;
  // 1. Spans the cleaner marked as datelines.
  for (const b of article.boilerplate.filter((b) => b.kind === 'dateline')) {
    for (const d of fullDates(text, b)) candidates.push({ ...d, rank: 0, why: 'dateline', source: text.slice(b.start, b.end).trim() });
  }
  // 2. Labelled dates opening a line ("Published: March 2, 2020"), outside other boilerplate; "Updated" ranks lower.
  // 3. Short lines near the top that are little more than a date.
  for (const line of lines(text)) {
    const wire = line.start < HEAD_CHARS && outside(line) ? wireDateline(text, line) : null;
    if (wire?.year) {
      const date = isoDate(wire.year, wire.month, wire.day);
      if (date) candidates.push({ date, precision: 'day', text: wire.dateText, span: wire.span, rank: 2, why: 'wire dateline', source: text.slice(wire.span.start, wire.span.end) });
    } else if (wire && !yearless) yearless = wire;
    if (!mayHoldDateline(text, line)) continue;
    for (const d of fullDates(text, line)) {
      if (!outside(d.span)) continue;
      const label = LABEL_RE.exec(text.slice(line.start, d.span.start));
      if (label) candidates.push({ ...d, rank: /updated|modified/i.test(label[1]) ? 3 : 1, why: `labelled '${label[1]}'` });
      else if (line.start < HEAD_CHARS && line.end - line.start <= DATELINE_MAX_CHARS && isDatelineLine(text.slice(line.start, line.end), d.text)) {
        candidates.push({ ...d, rank: 2, why: 'dateline near the top' });
      }
    }
  }
  const best = candidates.filter((c) => c.precision === 'day' || c.precision === 'month').sort((a, b) => a.rank - b.rank || a.span.start - b.span.start)[0];
  if (!best) return yearless ? fromYearlessDateline(article, yearless) : null;
  const quote = best.rank === 0 || best.source ? best.source : lineAround(text, best.span);
  return { published: best.date, precision: best.precision, source: 'dateline', evidence: `${best.why}: '${quote}'`, span: best.span };
}

/** A wire dateline without a year: the year of the latest date the content names, or undated. */
function fromYearlessDateline(article: CleanedArticle, wire: WireDateline): Publication {
  const quote = article.text.slice(wire.span.start, wire.span.end);
  const latest = latestDated(article);
  const year = yearFor(wire.month, wire.day, latest);
  const date = year ? isoDate(year, wire.month, wire.day) : null;
  if (!date || !latest) {
    return { published: null, precision: 'unknown', source: 'none', evidence: `wire dateline '${quote}' gives ${wire.dateText} but no year, and the text names no year`, span: wire.span };
  }
  return {
    published: date,
    precision: 'approximate',
    source: 'dateline',
    evidence: `wire dateline '${quote}' gives ${wire.dateText} without a year; ${year} from the latest date the text names ('${latest.text}')`,
    span: wire.span,
  };
}

/** The latest year-bearing date of the content: full dates, months of a year, bare years ("in 2023"). */
function latestDated(article: CleanedArticle): { year: number; month: number; day: number; text: string } | null {
  let latest: { year: number; month: number; day: number; text: string } | null = null;
  const consider = (year: number, month: number, day: number, text: string) => {
    if (!latest || year * 400 + month * 32 + day > latest.year * 400 + latest.month * 32 + latest.day) latest = { year, month, day, text };
  };
  for (const s of article.sentences) {
    if (article.boilerplate.some((b) => s.start < b.end && b.start < s.end)) continue;
    const slice = article.text.slice(s.start, s.end);
    if (!YEAR_DIGITS_RE.test(slice)) continue;
    for (const d of fullDates(article.text, s)) consider(Number(d.date.slice(0, 4)), Number(d.date.slice(5, 7)), d.precision === 'day' ? Number(d.date.slice(8, 10)) : 1, d.text);
    for (const m of slice.matchAll(BARE_YEAR_RE)) consider(Number(m[1]), 1, 1, m[0]);
  }
  return latest;
}

/** A year on its own after a preposition: "in 2023", "since 2011" (never a number like "2023 people"). */
const BARE_YEAR_RE = /\b(?:in|since|of|until|from|during|by|early|late|mid-?)\s+((?:19|20)\d\d)\b(?!\s*(?:people|civilians|soldiers|km|%))/gi;

function isoDate(year: number, month: number, day: number): string | null {
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(check.getTime()) || check.getUTCDate() !== day ? null : date;
}

/**
 * Whether a line can give a candidate at all, so that chrono need not read it (a long article
 * is often one long line): a short line near the top, or one opening with a label word.
 */
function mayHoldDateline(text: string, line: Span): boolean {
  return (line.start < HEAD_CHARS && line.end - line.start <= DATELINE_MAX_CHARS) || LABEL_START_RE.test(text.slice(line.start, line.end));
}

/** Whether a line is a dateline: the date plus at most a few words (outlet, place, label, time). */
function isDatelineLine(line: string, dateText: string): boolean {
  // A sentence that happens to open with a date ("On March 1, 2020, rebels attacked.") is not a dateline.
  if (/[.!?]["”’)*_]*$/.test(line.trim())) return false;
  const plain = line.replace(dateText, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?/gi, ' ');
  return plain.split(/[\s,|•·–—:*_#-]+/).filter((w) => /\p{L}/u.test(w)).length <= 6;
}

function fromContent(article: CleanedArticle): Publication | null {
  const found: FoundDate[] = [];
  const inBoilerplate = overlapsAny(article.boilerplate);
  for (const s of article.sentences) {
    if (inBoilerplate(s)) continue;
    found.push(...fullDates(article.text, s));
  }
  const days = found.filter((d) => d.precision === 'day');
  const pool = days.length ? days : found.filter((d) => d.precision === 'month');
  if (!pool.length) return null;
  const latest = pool.reduce((a, b) => (b.date > a.date ? b : a));
  const precision: DatePrecision = latest.precision === 'day' ? 'approximate' : 'month';
  const listed = pool.map((d) => `'${d.text}'`).slice(0, 5).join(', ');
  return {
    published: latest.date,
    precision,
    source: 'content',
    evidence: `inferred from the latest explicit date in the text, '${latest.text}' (dates seen: ${listed}); the article was published on or after it`,
    span: latest.span,
  };
}

/** The digits of a year as YEAR_RE below reads them, without its word boundaries (a looser test). */
const YEAR_DIGITS_RE = /(?:1[6-9]|20)\d\d/;
const YEAR_RE = /\b(?:1[6-9]|20)\d\d\b/;

/** Dates with an explicit year inside a span: full dates (day precision) and month-year (month). */
function fullDates(text: string, span: Span): FoundDate[] {
  const slice = text.slice(span.start, span.end);
  const out: FoundDate[] = [];
  // Every date kept below has a year in its own text, and that text is part of the slice: without one, chrono has nothing to give.
  if (!YEAR_DIGITS_RE.test(slice)) return out;
  for (const r of parseDates(slice)) {
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month') || !YEAR_RE.test(r.text)) continue;
    const y = c.get('year')!;
    const mo = String(c.get('month')).padStart(2, '0');
    const day = c.isCertain('day') ? String(c.get('day')).padStart(2, '0') : null;
    const date = `${y}-${mo}-${day ?? '01'}`;
    if (dayNumber(date) < 0) continue;
    const clean = r.text.replace(/[\s,.;:]+$/, '');
    out.push({ date, precision: day ? 'day' : 'month', text: clean, span: { start: span.start + r.index, end: span.start + r.index + clean.length } });
  }
  return out;
}

function lines(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function lineAround(text: string, span: Span): string {
  const start = text.lastIndexOf('\n', span.start - 1) + 1;
  const nl = text.indexOf('\n', span.end);
  const line = text.slice(start, nl < 0 ? text.length : nl).trim();
  return line.length > DATELINE_MAX_CHARS ? text.slice(start, span.end).trim() : line;
}
