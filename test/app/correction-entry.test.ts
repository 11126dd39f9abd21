/** The reader's corrections are entries corrections.ts accepts, one per choice. */
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/core/model.ts';
import { correctionEntry } from '../../src/app/lib/correction-entry.ts';
import { parseCorrections } from '../../src/core/events/corrections.ts';

const text = 'Shelling killed five civilians in Behun on Thursday.';
const start = text.indexOf('Behun');
const article = {
  id: 'a-sana',
  text,
  events: [{ id: 'a-sana#0', places: [{ placeId: 'geonames:1', name: 'Idlib', lat: 35.9, lon: 36.6, inferred: false, mention: { start, end: start + 5 } }] }],
} as unknown as ArticleRecord;

describe('correctionEntry', () => {
  it('writes every choice as a valid entry, and nothing for an incomplete one', () => {
    const entries = [
      correctionEntry('a-sana#0', { kind: 'not-event' }, article),
      correctionEntry('a-sana#0', { kind: 'event', date: '2020-02-26', type: 'Battles' }, article),
      correctionEntry('a-sana#0', { kind: 'place', name: 'Balyun', lat: 35.716, lon: 36.53 }, article),
      correctionEntry('a-sana#0', { kind: 'separate', otherEventId: 'b-dw#0' }, article),
    ];
    expect(entries[2]).toEqual({ kind: 'mention', article: 'a-sana', start, end: start + 5, surface: 'Behun', place: { name: 'Balyun', lat: 35.716, lon: 36.53 } });
    expect(parseCorrections(entries)).toEqual({ corrections: entries, problems: [] });
    expect(correctionEntry('a-sana#0', { kind: 'event', date: '26/02/2020' }, article)).toBeNull();
    expect(correctionEntry('a-sana#0', { kind: 'place', name: '', lat: 1, lon: 2 }, article)).toBeNull();
  });
});
