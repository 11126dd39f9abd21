/**
 * Temporal expressions: find the date phrases of an article's content sentences ("on Thursday",
 * "last week", "in mid-October", "two weeks ago", "January 28", "3-5 March 2020") and resolve
 * them against the publication date. chrono-node finds the phrases and reads absolute dates;
 * the relative arithmetic is ours, because news has its own conventions that chrono's defaults
 * do not follow:
 * - a bare weekday is the most recent such day on or before publication (an article published
 *   on a Thursday that says "on Thursday" means that day), unless the clause looks ahead
 *   ("will meet on Thursday"): then the next one on or after publication;
 * - "last Friday" is the most recent Friday strictly before publication, "next Friday" the
 *   first one strictly after, "this Friday" the Friday of the publication's (Monday) week;
 * - a month or day without a year is the most recent one not after publication (looking
 *   ahead: the next one not before it);
 * - "last week" is the Monday of the previous week at week precision, "two weeks ago" the day
 *   fourteen days back at week precision, "early/mid/late October" the 5th/15th/25th at week
 *   precision.
 * Phrases anchored on another event ("a week after", "within a few hours"), durations and
 * "now" are not dates and are dropped. Without a publication date, absolute dates still
 * resolve and relative ones get `date: null`. Pure: no clock.
 */
import type * as chrono from 'chrono-node';
import type { CleanedArticle, DatePrecision, Publication, TemporalExpression } from '../model.ts';
import { dayNumber, isoFromDay } from '../common/geo.ts';
import { addMonths, daysIn, iso, mondayOf, partsOf, weekdayOf } from './calendar.ts';
import { parseDates } from './chrono-parse.ts';

/** Find and resolve every date phrase of the article's content sentences, in text order. */
export function findTemporalExpressions(article: CleanedArticle, publication: Publication): TemporalExpression[] {
  const ref = referenceOf(publication);
  const out: TemporalExpression[] = [];
  for (const sentence of article.sentences) {
    const text = article.text.slice(sentence.start, sentence.end);
    const here: TemporalExpression[] = [];
    for (const phrase of findPhrases(text)) {
      const resolved = overnight(resolvePhrase(phrase, text, ref), text.slice(0, phrase.start));
      if (!resolved) continue;
      const expr: TemporalExpression = { start: sentence.start + phrase.start, end: sentence.start + phrase.end, text: phrase.text, ...resolved };
      const prev = here[here.length - 1];
      const between = prev && article.text.slice(prev.end, expr.start);
      // "between March 3 and March 5", "from Monday to Wednesday": one range.
      if (prev && prev.date && expr.date && !prev.endDate && /^\s*(?:and|to|until|till|through|-|–)\s*$/i.test(between!) && /\b(?:between|from)\s*$/i.test(article.text.slice(sentence.start, prev.start)) && expr.date > prev.date) {
        here[here.length - 1] = { ...prev, end: expr.end, text: article.text.slice(prev.start, expr.end), ...rangeOf(prev.date, expr.date) };
        continue;
      }
      here.push(expr);
    }
    const anchored = anchoredDays(text, sentence.start, here, out.slice(-ANCHOR_REACH));
    out.push(...(anchored.length ? [...anchored, ...here].sort((a, b) => a.start - b.start) : here));
  }
  return out;
}

/** How many date phrases back a day told relative to another ("the previous morning") may look for it. */
const ANCHOR_REACH = 4;
const DAY_WORD = /day|morning|afternoon|evening|night/i;
const COUNT_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
/**
 * "The previous morning", "the next day", "the day before", "two days later": a day counted from
 * the day the story last named, not from publication. An anchor on an event ("two days after the
 * attack") is left out: which day that was is the event's own.
 */
const ANCHORED_DAY = /\b(?:(?:on\s+)?the\s+(previous|following|next)\s+(?:day|morning|afternoon|evening|night)|the\s+(?:day|night)\s+(before|after)(?!\s+(?:the|a|an|his|her|their|its|this|that)\b)|(a|one|two|three|four|five|six|seven)\s+days?\s+(later|earlier))\b/gi;

/**
 * The anchored days of one sentence, dated from the latest day-precision phrase before each, in
 * this sentence (`here`) or the ones before (`before`); phrases already read are left as they are.
 */
function anchoredDays(text: string, offset: number, here: TemporalExpression[], before: TemporalExpression[]): TemporalExpression[] {
  const found: TemporalExpression[] = [];
  // Every form names a day or a part of one: most sentences are passed over without the scan.
  if (!DAY_WORD.test(text)) return found;
  ANCHORED_DAY.lastIndex = 0;
  for (const m of text.matchAll(ANCHORED_DAY)) {
    const start = offset + m.index;
    const end = start + m[0].length;
    if (here.some((h) => h.start < end && h.end > start && h.date)) continue;
    const anchor = [...before, ...here.filter((h) => h.end <= start)].reverse().find((h) => h.date && h.precision === 'day' && !h.endDate);
    if (!anchor) continue;
    const back = m[1] === 'previous' || m[2] === 'before' || m[4] === 'earlier';
    const days = m[3] ? COUNT_WORDS[m[3].toLowerCase()] : 1;
    found.push({ start, end, text: m[0], date: isoFromDay(dayNumber(anchor.date!) + (back ? -days : days)), precision: 'day' });
  }
  // A chrono reading of part of the phrase ("morning" of "the previous morning") gives way.
  for (const f of found) {
    const k = here.findIndex((h) => h.start < f.end && h.end > f.start);
    if (k >= 0) here.splice(k, 1);
  }
  return found;
}

/** The reference day for relative phrases (null when the article is undated). */
export interface Reference {
  /** Publication day number (days since 1970-01-01). */
  day: number;
  /** True when the day itself is known (day or approximate precision), not just its month/year. */
  exactDay: boolean;
  /** True when the day is only a lower bound ("published on or after June 2021", read from the dates the text names). */
  lowerBound?: boolean;
}

function referenceOf(publication: Publication): Reference | null {
  if (!publication.published) return null;
  const day = dayNumber(publication.published);
  if (day < 0) return null;
  return { day, exactDay: ['day', 'approximate', 'week'].includes(publication.precision), ...(publication.source === 'content' ? { lowerBound: true } : {}) };
}

// --- Finding phrases ---------------------------------------------------------------------------

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_RE = MONTHS.join('|');

/** A phrase found in a sentence (offsets relative to the sentence), with chrono's reading if any. */
export interface Phrase {
  /** Offset of the phrase's first character in the sentence. */
  start: number;
  /** Offset just after its last character. */
  end: number;
  /** The words as written ("on Thursday", "mid-October"). */
  text: string;
  /** chrono's parsed components when chrono found it. */
  parsed?: chrono.ParsedResult;
}

/** Our own patterns for what chrono misses: "mid-October", "late last month". */
const PART_OF_MONTH = new RegExp(`\\b(?:early|mid|late|the (?:beginning|start|middle|end) of)[-\\s]+(?:(?:${MONTH_RE})(?:,?\\s+\\d{4})?|(?:last|this|next|the) month)\\b`, 'gi');
/** …and bare years, "in 1974", "a 2018 agreement": only worth scanning for in a text with a digit. */
const YEARS: RegExp[] = [
  /\b(?:in|since|during|until|by|before|after|from)\s+(?:1[6-9]|20)\d\d\b(?![-–/]\d|\s*(?:%|percent|people|soldiers|troops|km|kilometres|kilometers|miles|dollars|\$))/gi,
  /(?<=\b(?:a|the)\s+)(?:1[6-9]|20)\d\d(?=\s+[a-z])/g,
];
const OWN_PATTERNS = [PART_OF_MONTH, ...YEARS];

const BETWEEN_DAYS = new RegExp(`\\bbetween\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+and\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_RE})(?:,?\\s+(\\d{4}))?\\b`, 'gi');

/** Date phrases of a sentence, without overlaps; offsets relative to the sentence. */
export function findPhrases(text: string): Phrase[] {
  const found: Phrase[] = [];
  for (const r of parseDates(text)) {
    // "the night of 4 February": chrono reads the time of day and loses the date; read what follows "of".
    const partOfDay = /^(?:the\s+)?(?:morning|afternoon|evening|night|early hours)\s+of\s+/i.exec(r.text);
    const reparsed = partOfDay ? parseDates(r.text.slice(partOfDay[0].length))[0] : null;
    const result = reparsed ? Object.assign(reparsed, { index: r.index + partOfDay![0].length + reparsed.index }) : r;
    const trimmed = result.text.replace(/[\s,.;:]+$/, '');
    found.push({ start: result.index, end: result.index + trimmed.length, text: trimmed, parsed: result });
  }
  // Most sentences have no digit, and then neither day ranges nor years (patterns skipped find nothing, so the order is kept).
  const digits = /[0-9]/.test(text);
  // "between 3 and 5 March": chrono sees only "5 March"; read it as the range "3-5 March".
  for (const m of digits ? text.matchAll(BETWEEN_DAYS) : []) {
    const parsed = parseDates(`${m[1]}-${m[2]} ${m[3]}${m[4] ? ` ${m[4]}` : ''}`)[0];
    if (parsed?.end) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], parsed });
  }
  for (const re of digits ? OWN_PATTERNS : [PART_OF_MONTH]) {
    for (const m of text.matchAll(re)) found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  // Overlaps: keep the longer phrase ("mid-October" over "October").
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Phrase[] = [];
  for (const p of found) {
    const last = out[out.length - 1];
    if (last && p.start < last.end) {
      if (p.end - p.start > last.end - last.start) out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

// --- Resolving ---------------------------------------------------------------------------------

type Resolution = Pick<TemporalExpression, 'date' | 'precision' | 'endDate'>;

/** A casual day with a time of day or a qualifier, and nothing else: "11 pm yesterday", "yesterday at 3:30 am", "late yesterday". */
const CASUAL_WITH_TIME = /^(?:(?:early|late|around|about|at)\s+)?(?:(?:\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|hours|hrs|gmt|local time)?|noon|midnight)\s+)?(?:today|tonight|this morning|this afternoon|this evening|yesterday|last night|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?(?:\s+(?:at\s+)?(?:around\s+|about\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|hours|hrs|gmt|local time)?)?$/;
const MONTH_NAME_RE = new RegExp(`\\b(?:${MONTH_RE})\\b`);

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30,
};

/** Resolve one phrase; null when it is not a date (a duration, "now", a phrase anchored on another event). */
export function resolvePhrase(phrase: Phrase, sentence: string, ref: Reference | null): Resolution | null {
  const t = phrase.text.toLowerCase().replace(/^(?:on|in|at|by|during|from|since|until|before|after|of|the)\s+/, '').trim();
  const ahead = looksAhead(sentence, phrase.start, phrase.end);
  const unresolved: Resolution = { date: null, precision: 'unknown' };
  const rel = (f: (r: Reference) => Resolution | null): Resolution | null => (ref && ref.exactDay ? f(ref) : unresolved);

  // "early/mid/late October", "the end of the month", "late last month".
  let m = /^(early|mid|late|(?:the )?(?:beginning|start|middle|end) of)[-\s]+(?:([a-z]+)(?:,?\s+(\d{4}))?|(last|this|next|the) month)$/.exec(t);
  if (m) {
    const part = m[1].replace(/^the /, '');
    const monthIndex = m[2] ? MONTHS.indexOf(m[2]) : -1;
    if (m[2] && monthIndex < 0) return null;
    const resolveMonth = (r: Reference | null) => (m![3] ? { y: +m![3], mo: monthIndex } : monthFor(monthIndex, m![4] ?? 'the', r, ahead));
    const ym = m[3] ? resolveMonth(null) : ref ? resolveMonth(ref) : null;
    if (!ym) return unresolved;
    if (part === 'end of') return { date: iso(ym.y, ym.mo, daysIn(ym.y, ym.mo)), precision: 'day' };
    const day = part === 'early' || part === 'beginning of' || part === 'start of' ? 5 : part === 'late' ? 25 : 15;
    return { date: iso(ym.y, ym.mo, day), precision: 'week' };
  }
  // Weekdays, with an optional "last/this/next".
  m = new RegExp(`^(?:(last|past|previous|this|next|coming)\\s+)?(${WEEKDAYS.join('|')})s?(?:\\s+(?:morning|afternoon|evening|night))?$`).exec(t);
  if (m && !(phrase.parsed && phrase.parsed.start.isCertain('day'))) {
    const wd = WEEKDAYS.indexOf(m[2]);
    const mod = m[1] ?? (ahead ? 'ahead' : 'bare');
    return rel((r) => ({ date: isoFromDay(weekdayFrom(r.day, wd, mod)), precision: 'day' }));
  }
  // Today, yesterday, tomorrow; with a time of day too ("11 pm yesterday", "yesterday at 3 am",
  // "late yesterday"), which chrono reads against its own fixed reference, not publication.
  m = /^(today|tonight|this morning|this afternoon|this evening|yesterday|last night|tomorrow)$/.exec(t) ??
    (CASUAL_WITH_TIME.test(t) && !MONTH_NAME_RE.test(t) ? /\b(today|tonight|this morning|this afternoon|this evening|yesterday|last night|tomorrow)\b/.exec(t) : null);
  if (m) {
    const offset = m[1] === 'yesterday' || m[1] === 'last night' ? -1 : m[1] === 'tomorrow' ? 1 : 0;
    return rel((r) => ({ date: isoFromDay(r.day + offset), precision: 'day' }));
  }
  // Last/this/next week, month, year.
  m = /^(last|past|previous|this|next|coming)\s+(week|month|year)$/.exec(t);
  if (m) {
    const step = m[1] === 'this' ? 0 : m[1] === 'next' || m[1] === 'coming' ? 1 : -1;
    if (m[2] === 'week') return rel((r) => ({ date: isoFromDay(mondayOf(r.day) + 7 * step), precision: 'week' }));
    if (!ref) return unresolved;
    const { y, mo } = partsOf(ref.day);
    if (m[2] === 'month') {
      const ym = addMonths(y, mo, step);
      return { date: iso(ym.y, ym.mo, 1), precision: 'month' };
    }
    return { date: iso(y + step, 0, 1), precision: 'year' };
  }
  // "two weeks ago", "3 days ago".
  m = /^(\d+|[a-z]+)\s+(day|week|month|year)s?\s+ago$/.exec(t);
  if (m) {
    const n = /^\d+$/.test(m[1]) ? +m[1] : NUMBER_WORDS[m[1]];
    if (!n) return null;
    if (m[2] === 'day') return rel((r) => ({ date: isoFromDay(r.day - n), precision: 'day' }));
    if (m[2] === 'week') return rel((r) => ({ date: isoFromDay(r.day - 7 * n), precision: 'week' }));
    if (!ref) return unresolved;
    const { y, mo } = partsOf(ref.day);
    if (m[2] === 'month') {
      const ym = addMonths(y, mo, -n);
      return { date: iso(ym.y, ym.mo, 1), precision: 'month' };
    }
    return { date: iso(y - n, 0, 1), precision: 'year' };
  }
  // A bare year: "in 1974", "a 2018 agreement".
  m = /^((?:1[6-9]|20)\d\d)$/.exec(t);
  if (m) return { date: `${m[1]}-01-01`, precision: 'year' };
  // Calendar dates chrono read: "February 06, 2020", "January 28", "November 2018", "2020-03-02", ranges.
  if (phrase.parsed && /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/.test(t)) return calendarDate(phrase, ref, ahead);
  return null;
}

/** A calendar date (or range) from chrono's components, the year filled in from the reference. */
function calendarDate(phrase: Phrase, ref: Reference | null, ahead: boolean): Resolution | null {
  const r = phrase.parsed!;
  const start = componentsDate(r.start, phrase.text, ref, ahead);
  if (!start) return null;
  if (!r.end) return start;
  const end = componentsDate(r.end, phrase.text, ref, ahead);
  if (!end || !start.date || !end.date) return start;
  return end.date > start.date ? rangeOf(start.date, end.date) : start;
}

/**
 * "On the night of 30-31 May": one night, not a two-day range; what happened in it is dated the
 * morning after (the reports' day, and the day of an attack after midnight).
 */
function overnight(resolved: Resolution | null, before: string): Resolution | null {
  if (!resolved?.date || !resolved.endDate || !/\bnight\s+of\s*$/i.test(before)) return resolved;
  return dayNumber(resolved.endDate) - dayNumber(resolved.date) === 1 ? { date: resolved.endDate, precision: 'day' } : resolved;
}

/** A range as a date (its first day) with the precision of its length, and its last day. */
function rangeOf(first: string, last: string): Resolution {
  const length = dayNumber(last) - dayNumber(first) + 1;
  const precision: DatePrecision = length === 1 ? 'day' : length <= 7 ? 'week' : length <= 31 ? 'month' : 'year';
  return { date: first, precision, endDate: last };
}

function componentsDate(c: chrono.ParsedComponents, text: string, ref: Reference | null, ahead: boolean): Resolution | null {
  if (!c.isCertain('month')) return null;
  const mo = (c.get('month') ?? 1) - 1;
  const day = c.isCertain('day') ? c.get('day') : null;
  const explicitYear = c.isCertain('year') && hasYear(text);
  let y: number;
  if (explicitYear) y = c.get('year')!;
  else if (!ref) return { date: null, precision: 'unknown' };
  else if (day !== null) {
    // Day and month without a year: the most recent one not after publication (or the next one when looking ahead).
    const p = partsOf(ref.day);
    y = p.y;
    const candidate = dayNumber(iso(y, mo, day));
    if (!ahead && candidate > ref.day) y--;
    if (ahead && candidate < ref.day) y++;
    // "Sunday, August 25": the weekday names the year. Back from publication to the latest year
    // where the day is that weekday; where publication is only a lower bound (the latest date
    // the text names), on from it to the first such year.
    if (c.isCertain('weekday')) y = weekdayYear(y, mo, day, c.get('weekday')!, ref.lowerBound ? Math.max(y, p.y) : null) ?? y;
  } else y = monthFor(mo, 'the', ref, ahead).y;
  if (day !== null) return { date: iso(y, mo, day), precision: 'day' };
  return { date: iso(y, mo, 1), precision: 'month' };
}

/** How many years a weekday may move a yearless date: every day falls on every weekday within eleven years. */
const WEEKDAY_YEARS = 11;

/**
 * The year in which day `day` of month `mo` is weekday `wd` (0 = Sunday): the latest from `y`
 * back, or, given `from`, the first from `from` on; null when the date never is (29 February).
 */
function weekdayYear(y: number, mo: number, day: number, wd: number, from: number | null): number | null {
  for (let k = 0; k < WEEKDAY_YEARS; k += 1) {
    const year = from === null ? y - k : from + k;
    const d = iso(year, mo, day);
    if (partsOf(dayNumber(d)).mo === mo && weekdayOf(dayNumber(d)) === wd) return year;
  }
  return null;
}

function hasYear(text: string): boolean {
  return /\b(?:1[6-9]|20)\d\d\b|'\d\d\b/.test(text);
}

/** Month index (0-11) to a year: relative to the reference ("last/this/next month" or a bare month name). */
function monthFor(monthIndex: number, which: string, ref: Reference | null, ahead: boolean): { y: number; mo: number } {
  if (!ref) return { y: NaN, mo: monthIndex };
  const { y, mo } = partsOf(ref.day);
  if (monthIndex < 0) return addMonths(y, mo, which === 'last' ? -1 : which === 'next' ? 1 : 0);
  if (ahead) return { y: monthIndex >= mo ? y : y + 1, mo: monthIndex };
  return { y: monthIndex <= mo ? y : y - 1, mo: monthIndex };
}

/** The day of weekday `wd` (0 = Sunday) relative to day `ref`, by modifier. */
function weekdayFrom(ref: number, wd: number, mod: string): number {
  const refWd = weekdayOf(ref);
  const back = (refWd - wd + 7) % 7;
  const fwd = (wd - refWd + 7) % 7;
  switch (mod) {
    case 'last': case 'past': case 'previous': return ref - (back || 7);
    case 'next': case 'coming': return ref + (fwd || 7);
    case 'this': return mondayOf(ref) + ((wd + 6) % 7);
    case 'ahead': return ref + fwd;
    default: return ref - back;
  }
}

/** Future markers in the phrase's clause: "will meet on Thursday", "On Friday, talks are due to open". */
const AHEAD_RE = /\b(?:will|won't|shall|going to|is to|are to|scheduled|due to|set to|plans? to|planning to|expected to|would|could|might|upcoming)\b|\bmay\b(?=\s+[a-z])|'ll\b/;
const REPORTING_RE = /\b(?:said|says|told|announced|stated|claimed|reported|added|warned|wrote)\b/i;

/**
 * Whether the phrase's clause looks ahead: a future marker before the phrase in its clause, or
 * after it when the phrase opens the clause ("On Friday, ministers will meet"); a reporting
 * verb in between ("said on Wednesday that troops will…") keeps the phrase in the past.
 */
export function looksAhead(sentence: string, start: number, end: number): boolean {
  const clauseStart = Math.max(0, ...[';', ':', '. '].map((c) => sentence.lastIndexOf(c, start - 1) + 1));
  const before = sentence.slice(clauseStart, start);
  const commaBefore = before.lastIndexOf(',');
  const near = commaBefore >= 0 ? before.slice(commaBefore + 1) : before;
  if (AHEAD_RE.test(near) && !REPORTING_RE.test(near.slice(near.search(AHEAD_RE)))) return true;
  if (near.trim().split(/\s+/).filter(Boolean).length > 1) return false;
  const after = sentence.slice(end).split(/[;:]|,\s+(?:but|while|as|and)\b/)[0];
  const hit = after.search(AHEAD_RE);
  return hit >= 0 && !REPORTING_RE.test(after.slice(0, hit));
}
