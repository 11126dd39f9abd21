/**
 * chrono-node's casual English parser, run only where it can find something. Most news
 * sentences hold no date (three in four), and many of the rest hold only a number, which none
 * of chrono's month, weekday, casual or duration parsers can read. So each text is first tested
 * for cheap cues: without any, chrono does not run; with digits alone, only its numeric parsers
 * run; otherwise all of them. The result is the same as `chrono.en.casual.parse`, always.
 *
 * Why it is the same: a chrono parser reports only what its regular expression matched, and
 * seeks its first match in the whole text; refiners merge or drop results, never make them. Each
 * cue is a relaxation of the expressions of the parsers it gates (a part every match contains,
 * with the context on either side loosened, never tightened; word lists copied from chrono's
 * English constants), so a parser left out would have found nothing. Results keep their order:
 * chrono concatenates the parsers' results in parser order and sorts them stably by position.
 * test/chrono-parse.test.ts checks the cues against chrono on contrived text and fails when
 * chrono's parsers change; the published outputs were compared byte for byte on the evaluation
 * corpora.
 */
import type * as chrono from 'chrono-node';
// The English locale alone: chrono's index loads its fifteen other locales too (a third of a second at start-up).
import * as en from 'chrono-node/en';

/** chrono needs a reference instant; a fixed one keeps it deterministic (relative readings are ours, not chrono's). */
const CHRONO_REF = new Date(Date.UTC(2000, 0, 1, 12));

const MONTH = 'september|february|november|december|january|october|august|march|april|sept|june|july|may|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec';
/** How every ordinal word of chrono's list begins ("twenty-first", "thirty first", "fifth"). */
const ORDINAL_START = 'twenty|thirty|seventeenth|thirteenth|fourteenth|eighteenth|nineteenth|fifteenth|sixteenth|twentieth|thirtieth|eleventh|seventh|twelfth|second|fourth|eighth|first|third|fifth|sixth|ninth|tenth';
const WEEKDAY = 'wednesday|thursday|saturday|tuesday|sunday|monday|friday|thurs|thur|sun|mon|tue|wed|thu|fri|sat|weekend|weekday';
const UNIT = '(?:quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y)';
/** chrono's number of time units, as written in its duration patterns ("two", "a few", "the", "a couple of"). */
const NUMBER = '(?:(?:about|around)\\s{0,3})?(?:(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten)|[0-9]+|[0-9]+\\.[0-9]+|half(?:\\s{0,2}an?)?|an?\\b(?:\\s{0,2}few)?|few|several|the|a?\\s{0,2}couple\\s{0,2}(?:of)?)';
/** What may follow the first "number unit" of a duration: its end, or the separator or number of the next one ("2 hours and 5 minutes"). */
const AFTER_FIRST_UNIT = '(?=\\W|$|and|about|around|eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten|[0-9]|half|an?\\b|few|several|the|a?\\s{0,2}couple)';

/**
 * One regular expression per cue, with chrono's flags (case-insensitive, not Unicode-aware, so
 * \W is ASCII). A left context "start or non-word character" is written \b (every cue word
 * starts with a letter), and the letters a glued word may end with are listed beside it
 * ("inmay", "5thmay", "lastmonday"): irregexp scans \b far faster than a lookbehind.
 */
const cue = (source: string) => new RegExp(source, 'i');
const CUES = {
  /** Numeric dates and times: ISO, slashes, year-month-day, "5 pm", "2020 March". */
  digit: /[0-9]/,
  /** "March 2", "2 March", "in May", "2020 March", "the 5th of May". */
  month: cue(`(?:\\b|[0-9]|in|of|st|nd|rd|th|be|ad|bc|ce)(?:${MONTH})(?=[\\W\\d]|$|of|${ORDINAL_START})`),
  /** "on Monday", "last Friday", "Monday of next week"; glued after "on", "this", "last", "past", "next". */
  weekday: cue(`(?:\\b|on|is|st|xt)(?:${WEEKDAY})(?=\\W|$|of|this|last|past|next)`),
  casualDate: cue('\\b(?:now|today|tonight|tomorrow|overmorrow|tmr|tmrw|yesterday|last\\s*night)(?=\\W|$)'),
  /** "this morning", "at night"; glued after "this". */
  casualTime: cue('(?:\\b|is)(?:morning|afternoon|evening|night|midnight|midday|noon)(?=\\W|$)'),
  endOfMonth: cue('(?:last\\s+day|end)\\s+of\\s+(?:the\\s+)?month(?=\\W|$)'),
  /** "last week", "next month". */
  relative: cue(`(?:this|last|past|next)\\s*${UNIT}(?=\\W|$)`),
  /** "within two weeks", "in a few days": the opening word and the first unit. */
  within: cue(`(?:within|in|for)\\s*(?:(?:about|around|roughly|approximately|just)\\s*(?:~\\s*)?)?${NUMBER}\\s{0,3}${UNIT}${AFTER_FIRST_UNIT}`),
  /** "last two weeks", "+3 days": the opening word and the first unit. */
  casualRelative: cue(`(?:this|last|past|next|after|\\+|-)\\s*${NUMBER}\\s{0,3}${UNIT}${AFTER_FIRST_UNIT}`),
  /** "two weeks ago": the last unit and the closing word. */
  ago: cue(`${NUMBER}\\s{0,3}${UNIT}\\s{0,5}(?:ago|before|earlier)(?=\\W|$)`),
  /** "three days later". */
  later: cue(`${NUMBER}\\s{0,3}${UNIT}\\s{0,5}(?:later|after|from now|henceforth|forward|out)(?=\\W|$)`),
};
type Cue = keyof typeof CUES;

/** The cues each parser of `chrono.en.casual` needs, all of them (by class name, in chrono 2.10). */
export const PARSER_CUES: Record<string, Cue[]> = {
  ENYearMonthDayParser: ['digit'],
  ISOFormatParser: ['digit'],
  SlashDateFormatParser: ['digit'],
  ENTimeUnitWithinFormatParser: ['within'],
  ENMonthNameLittleEndianParser: ['month'],
  ENMonthNameMiddleEndianParser: ['month'],
  ENWeekdayParser: ['weekday'],
  ENSlashMonthFormatParser: ['digit'],
  ENTimeExpressionParser: ['digit'],
  ENTimeUnitAgoFormatParser: ['ago'],
  ENTimeUnitLaterFormatParser: ['later'],
  ENYearMonthNameParser: ['digit', 'month'],
  ENCasualDateParser: ['casualDate'],
  ENCasualTimeParser: ['casualTime'],
  ENEndOfCurrentMonthParser: ['endOfMonth'],
  ENMonthNameParser: ['month'],
  ENRelativeDateFormatParser: ['relative'],
  ENTimeUnitCasualRelativeFormatParser: ['casualRelative'],
};

/**
 * Testing each cue on its own costs more than it saves: the gate has three levels. No cue: no
 * parsing. Digits but no word cue (a figure, an age, an address: a fifth of news sentences): the
 * numeric parsers only, three times cheaper than all. Any word cue: all parsers.
 */
const WORD_CUE_RE = new RegExp(
  (Object.keys(CUES) as Cue[]).filter((c) => c !== 'digit' && c !== 'ago' && c !== 'later').map((c) => CUES[c].source).join('|'),
  'i',
);
/** The closing words of "two weeks ago" and "three days later": a cheap first test before the costly one. */
const CLOSING_WORD_RE = /(?:ago|before|earlier|later|after|from now|henceforth|forward|out)(?=\W|$)/i;

function hasWordCue(text: string): boolean {
  return WORD_CUE_RE.test(text) || (CLOSING_WORD_RE.test(text) && (CUES.ago.test(text) || CUES.later.test(text)));
}

const FULL = en.casual;
/** Whether chrono's parsers are those listed above; if chrono changes, every text gets every parser. */
const KNOWN = FULL.parsers.every((p) => p.constructor.name in PARSER_CUES);
const NUMERIC = new en.Chrono({
  parsers: FULL.parsers.filter((p) => PARSER_CUES[p.constructor.name]?.every((c) => c === 'digit')),
  refiners: FULL.refiners,
});

/** What `chrono.en.casual.parse(text, <fixed reference>)` returns, found faster. */
export function parseDates(text: string): chrono.ParsedResult[] {
  if (!KNOWN || hasWordCue(text)) return FULL.parse(text, CHRONO_REF);
  return CUES.digit.test(text) ? NUMERIC.parse(text, CHRONO_REF) : [];
}
