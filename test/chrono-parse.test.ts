import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import { PARSER_CUES, parseDates } from '../src/core/dates/chrono-parse.ts';

const REF = new Date(Date.UTC(2000, 0, 1, 12));
const same = (text: string) => expect(JSON.stringify(parseDates(text)), text).toBe(JSON.stringify(chrono.en.casual.parse(text, REF)));

describe('parseDates: chrono, run only where it can find something', () => {
  it('knows every parser of chrono.en.casual (a chrono upgrade must review the cues)', () => {
    expect(chrono.en.casual.parsers.map((p) => p.constructor.name).sort()).toEqual(Object.keys(PARSER_CUES).sort());
  });

  it('finds what chrono finds in odd corners of its patterns', () => {
    const texts = [
      'They waited for tens of minutes.', 'He put his faith in them.', 'It lasts.', 'Signed on the 5thmay.', 'See you lastmonday.',
      'Mar20 figures', 'in half as much time', 'about 2 hoursago', 'At 5 pm in the U.S.', 'by the end of the month',
      'thismorning', 'under the sun', 'they sat down', 'in the 1990s', 'Marchfirst', 'inmay', 'a couple of weeks later',
      'within about ~ three weeks', '+3 days', 'the weekend of next week', 'Monday of this week', '2020-03-02T10:00Z', '3/4/2020',
      'Nov. 5', 'Sept. 2019', 'the first of May', '2019 of March', 'last night', 'overmorrow', 'the day before', 'a few hours earlier',
      'No date here at all.', '', 'Mayor Smith spoke.', 'dismayed and marred', 'a decade', 'The common salmon.',
    ];
    for (const t of texts) same(t);
  });

  it('finds what chrono finds in every sentence of the sample corpus', () => {
    const dir = 'geodata/corpus';
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      for (const s of readFileSync(`${dir}/${f}`, 'utf8').split(/(?<=[.!?])\s+|\n+/)) same(s);
    }
  });
});
