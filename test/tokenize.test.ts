import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/core/text/tokenize.ts';

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = 'Troops entered Ma\'arrat an-Nu\'man.';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual(['Troops', 'entered', "Ma'arrat", 'an', "Nu'man"]);
    expect(tokens.map((t) => t.gap)).toEqual(['', ' ', ' ', ' ', '-']);
  });

  it('splits a possessive off a name and marks it', () => {
    const [ankara, statements] = tokenize('Ankara’s statements');
    expect(ankara).toMatchObject({ text: 'Ankara', possessive: true, capitalised: true });
    expect(statements.possessive).toBe(false);
  });

  it('splits hyphenated words so a place inside one can be found', () => {
    expect(tokenize('Turkish-backed Russo-Turkish').map((t) => t.text)).toEqual(['Turkish', 'backed', 'Russo', 'Turkish']);
  });

  it('keeps dotted abbreviations whole and knows acronyms', () => {
    const tokens = tokenize('the U.S. and NATO in A\'zaz');
    expect(tokens.map((t) => t.text)).toEqual(['the', 'U.S.', 'and', 'NATO', 'in', "A'zaz"]);
    expect(tokens[1].allCaps).toBe(true);
    expect(tokens[3].allCaps).toBe(true);
    expect(tokens[5].allCaps).toBe(false);
  });

  it('works on a span of a longer text', () => {
    const text = 'First sentence. Aleppo was shelled.';
    const tokens = tokenize(text, { start: 16, end: text.length });
    expect(tokens[0]).toMatchObject({ text: 'Aleppo', start: 16, end: 22, gap: '' });
  });
});
