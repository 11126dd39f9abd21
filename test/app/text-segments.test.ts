import { describe, expect, it } from 'vitest';
import { safeHref } from '../../src/app/lib/safe-url.ts';
import { segmentText } from '../../src/app/lib/text-segments.ts';

const text = 'By Jo. Idlib was hit. Turkey said so.';
//            0123456789012345678901234567890123456

describe('text segments for the reader', () => {
  const segs = segmentText(text.length, {
    boilerplate: [{ start: 0, end: 6, kind: 'byline' }],
    eventSentences: [{ start: 7, end: 21 }],
    selected: { start: 7, end: 21 },
    mentions: [
      { start: 7, end: 12, role: 'literal', placeId: 'p:idlib' },
      { start: 22, end: 28, role: 'metonymic', placeId: 'p:tr' },
    ],
  });

  it('covers the whole text, in order, without gaps', () => {
    expect(segs[0].start).toBe(0);
    expect(segs.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < segs.length; i++) expect(segs[i].start).toBe(segs[i - 1].end);
    expect(segs.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
  });

  it('labels each run with everything it is inside', () => {
    const at = (snippet: string) => segs.find((s) => text.slice(s.start, s.end) === snippet)!;
    expect(at('By Jo.').boilerplate).toBe('byline');
    expect(at('Idlib')).toMatchObject({ selected: true, eventSentence: 0, mention: 0 });
    expect(at(' was hit.')).toMatchObject({ selected: true, mention: -1 });
    expect(at('Turkey')).toMatchObject({ selected: false, eventSentence: -1, mention: 1 });
  });

  it('clips spans that run past the text', () => {
    const s = segmentText(5, { boilerplate: [], eventSentences: [{ start: 3, end: 99 }], selected: null, mentions: [] });
    expect(s.map((x) => [x.start, x.end, x.eventSentence])).toEqual([
      [0, 3, -1],
      [3, 5, 0],
    ]);
  });
});

describe('article links', () => {
  it('keeps http(s) links and drops script and data URLs', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
