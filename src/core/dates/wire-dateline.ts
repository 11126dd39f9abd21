/**
 * Wire-service datelines: the place-and-date that opens a news story's first paragraph, on the
 * same line as its first sentence, in the forms the agencies and the papers that copy them use:
 *   "KHARTOUM, April 16, 2023 (Agency) - …"      "NYALA, Sudan, Oct. 27 (Reuters) - …"
 *   "Khartoum, Oct 29 (NationPress) The …"       "Mogadishu, 12 March 2024 (Xinhua) -- …"
 * A dateline is one to three place names (upper or title case, comma-separated), a month and a
 * day (the year is often left out), and then an outlet in parentheses or a dash. A yearless date
 * takes its year from the other dates of the text (`yearFor`), marked approximate by the caller.
 * A place alone ("KYIV, Ukraine (AP) —") carries no date and is not read here. Pure.
 */
import type { Span } from '../model.ts';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** One place name of a dateline: up to four words, each capitalised ("NEW DELHI", "Port-au-Prince", "El Fasher"). */
const PLACE = "\\p{Lu}[\\p{L}'’.-]*(?:[ \\u00a0](?:\\p{Lu}[\\p{L}'’.-]*|al|el|de|du|la|le|au|of))*";
/** The whole dateline, at the start of a line; groups: month name, day (month first); day, month name (day first); year; outlet. */
const DATELINE_RE = new RegExp(
  `^[\\s*_>#]*(?:${PLACE})(?:,[ \\u00a0]*(?:${PLACE})){0,2},?[ \\u00a0]+` +
    `(?:(${MONTH})\\.?[ \\u00a0]+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?[ \\u00a0]+(${MONTH})\\.?)` +
    `(?:,?[ \\u00a0]+(\\d{4}))?` +
    `[ \\u00a0]*(?:\\(([^()\\n]{2,40})\\)[ \\u00a0]*(?:[-–—:]+|(?=\\p{Lu}))|[-–—]+|:)`,
  'du',
);
/** How many words of the place part a dateline may have at most (a sentence opening "In Kyiv, May 5 …" is longer). */
const MAX_PLACE_WORDS = 8;

/** A wire dateline found at the start of a line. */
export interface WireDateline {
  /** Month 1-12. */
  month: number;
  /** Day of the month. */
  day: number;
  /** The year when the dateline gives one. */
  year: number | null;
  /** The outlet in parentheses, when given ("Reuters"). */
  outlet: string | null;
  /** The dateline's text, place to outlet (article offsets). */
  span: Span;
  /** The date's own words ("Oct. 27", "April 16, 2023"). */
  dateText: string;
}

/** The wire dateline opening `line` (a line of `text`), or null. */
export function wireDateline(text: string, line: Span): WireDateline | null {
  const slice = text.slice(line.start, Math.min(line.end, line.start + 160));
  const m = DATELINE_RE.exec(slice);
  if (!m) return null;
  const monthName = (m[1] ?? m[4]).toLowerCase();
  const month = MONTHS[monthName] ?? MONTHS[monthName.slice(0, 3)];
  const day = Number(m[2] ?? m[3]);
  const year = m[5] ? Number(m[5]) : null;
  if (!month || day < 1 || day > 31) return null;
  const idx = m.indices!;
  const dateAt = (idx[1] ?? idx[3])![0];
  const dateEnd = (idx[5] ?? idx[2] ?? idx[4])![1];
  if (slice.slice(0, dateAt).split(/[\s,]+/).filter(Boolean).length > MAX_PLACE_WORDS) return null;
  return {
    month,
    day,
    year,
    outlet: m[6]?.trim() ?? null,
    span: { start: line.start + slice.search(/\S/), end: line.start + m[0].replace(/[\s:–—-]+$/u, '').length },
    dateText: slice.slice(dateAt, dateEnd),
  };
}

/**
 * The year of a yearless month and day, from the latest dated thing the text names: that year,
 * or the next one when the day would fall before that latest date (a story of 5 January that
 * looks back at December). Null when the text names no year.
 */
export function yearFor(month: number, day: number, latest: { year: number; month: number; day: number } | null): number | null {
  if (!latest) return null;
  const before = month < latest.month || (month === latest.month && day < latest.day);
  return before ? latest.year + 1 : latest.year;
}

const SHORT_MONTH_DAY = String.raw`(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)(?:,?\s+\d{4})?`;
/** What follows a dateline's place: a country or state, a date, an agency in brackets, then a colon or a dash. */
const DATELINE_AFTER = new RegExp(String.raw`^(?:\/\p{Lu}[\p{Lu}\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?)*(?:,\s*\p{Lu}[\p{L}.'’ -]{1,40}?)?(?:,?\s*${SHORT_MONTH_DAY})?,?\s*(?:\([^()\n]{2,80}\)\s*)?(?:[:\-–—]|(?<=\))\s+\p{Lu})`, 'u');

/** The longest text a dateline's place may follow on its line: markup, a page's date stamp, another place and a slash. */
const DATELINE_LEAD_CHARS = 80;

/** Whether a mention is the place of a wire dateline ("PESHAWAR:", "DUBAI, United Arab Emirates —", "Beirut, May 14 (IANS)"): first on its line. */
export function isDateline(text: string, mention: Span): boolean {
  // What may stand before a dateline's place on its line is short: look no further back than that.
  const from = Math.max(0, mention.start - DATELINE_LEAD_CHARS);
  const newline = text.lastIndexOf('\n', mention.start - 1);
  if (newline < from && from > 0) return false;
  const lineStart = newline + 1;
  // Only markup before it on its line, or a page's date stamp (" date 2024-09-09 PESHAWAR: …").
  // "JAMMU/SRINAGAR, 7 May:": each place of a dateline that names two.
  if (!/^[\s*_>#]*(?:(?:date|published|updated)?:?\s*\d{4}-\d\d-\d\d\s+)?(?:\p{Lu}[\p{Lu}\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?\/)*$/iu.test(text.slice(lineStart, mention.start))) return false;
  return DATELINE_AFTER.test(text.slice(mention.end, mention.end + 80));
}
