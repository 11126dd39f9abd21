// Sentence splitting: edge cases inline, plus the gold event sentences of the sample corpus.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_SENTENCE_CHARS, splitSentences } from '../src/core/text/sentences.ts';

const split = (text: string, exclude: { start: number; end: number }[] = []) =>
  splitSentences(text, exclude).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('cuts a text without sentence ends (a pasted log) at line breaks, else spaces, into pieces of at most MAX_SENTENCE_CHARS', () => {
    const log = Array.from({ length: 400 }, (_, i) => `10:00:${String(i % 60).padStart(2, '0')} INFO GET /api ${i}`).join('\n');
    const pieces = split(log);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(pieces.join('\n')).toBe(log);
    const words = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ');
    const wordPieces = split(words);
    for (const p of wordPieces) expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(wordPieces.join(' ')).toBe(words);
    for (const p of split('x'.repeat(MAX_SENTENCE_CHARS * 2 + 5))) expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  });

  it('splits on full stops, question and exclamation marks', () => {
    expect(split('Shells fell on Idlib. Was anyone hurt? Yes! Two died.')).toEqual([
      'Shells fell on Idlib.', 'Was anyone hurt?', 'Yes!', 'Two died.',
    ]);
  });

  it('does not split after titles, months before numbers, No., St. or initials', () => {
    expect(split('Gen. Ali met Mr. Smith and Dr. Jones on Jan. 5 at No. 10 St. Mark Street. Donald J. Trump spoke.')).toEqual([
      'Gen. Ali met Mr. Smith and Dr. Jones on Jan. 5 at No. 10 St. Mark Street.', 'Donald J. Trump spoke.',
    ]);
    expect(split('Lt. Col. Hamid and Sen. Kaine agreed. ST. PAUL, Minn. (AP) — Police said.')).toEqual([
      'Lt. Col. Hamid and Sen. Kaine agreed.', 'ST. PAUL, Minn. (AP) — Police said.',
    ]);
  });

  it('treats dotted acronyms as words unless a sentence opener follows', () => {
    expect(split('The U.S. stands by Turkey. U.S.-Turkish ties are strained. Aid came from the U.S. The talks failed.')).toEqual([
      'The U.S. stands by Turkey.', 'U.S.-Turkish ties are strained.', 'Aid came from the U.S.', 'The talks failed.',
    ]);
  });

  it('never splits inside decimals, thousands or web addresses', () => {
    expect(split('Approval dropped to 41.9% from 43.7%. About 900.000 fled. See www.example.org for more.')).toEqual([
      'Approval dropped to 41.9% from 43.7%.', 'About 900.000 fled.', 'See www.example.org for more.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(split('He said: "We will respond." Then he left. (This was in Ankara.) “Why?” he asked.')).toEqual([
      'He said: "We will respond."', 'Then he left.', '(This was in Ankara.)', '“Why?” he asked.',
    ]);
  });

  it('reads markdown links as text, including a full stop inside the link', () => {
    expect(split('Peskov [hit back](#) at the claims. See [the full report.](https://x.org/a.b) Next one.')).toEqual([
      'Peskov [hit back](#) at the claims.', 'See [the full report.](https://x.org/a.b)', 'Next one.',
    ]);
  });

  it('makes headings and list items sentences of their own, without their markers', () => {
    const text = '# Fighting in Idlib\n\nIntro line\n- Saraqib was shelled\n- Sarmin was hit\n1. First point\n\n*An italic paragraph.*';
    expect(split(text)).toEqual([
      'Fighting in Idlib', 'Intro line', 'Saraqib was shelled', 'Sarmin was hit', 'First point', 'An italic paragraph.',
    ]);
  });

  it('ends sentences at paragraph breaks but joins a paragraph broken before a lower-case word', () => {
    const text = 'A heading without a stop\n\nBoth countries now have vested economic\n\ninterests in the region. Done.';
    expect(split(text)).toEqual(['A heading without a stop', 'Both countries now have vested economic\n\ninterests in the region.', 'Done.']);
  });

  it('treats single newlines as soft wraps, except after a short unpunctuated line', () => {
    const wrapped = 'Turkish troops entered northern Idlib as artillery shelled\nSyrian army positions near the town of Saraqib on\nThursday morning. A second sentence.';
    expect(split(wrapped)).toHaveLength(2);
    expect(split('Caption line\nThe article starts here and goes on for a good while longer.')).toEqual([
      'Caption line', 'The article starts here and goes on for a good while longer.',
    ]);
  });

  it('skips excluded spans and never crosses them', () => {
    const text = 'By Jane Roe\n\nThe army advanced. Share this article The town fell.';
    const exclude = [{ start: 0, end: 11 }, { start: 32, end: 50 }];
    expect(split(text, exclude)).toEqual(['The army advanced.', 'The town fell.']);
  });

  it('gives offsets into the original text, trimmed, with paragraph numbers', () => {
    const text = '\n\n  First one.  \n\n Second one. Third one.\n';
    const s = splitSentences(text, []);
    expect(s.map((x) => [x.start, x.end, x.paragraph])).toEqual([[4, 14, 0], [19, 30, 1], [31, 41, 1]]);
  });

  it('handles CRLF line endings', () => {
    expect(split('First line here.\r\n\r\nSecond paragraph.\r\n')).toEqual(['First line here.', 'Second paragraph.']);
  });

  it('returns nothing for empty or fully excluded text', () => {
    expect(splitSentences('', [])).toEqual([]);
    expect(splitSentences('All boilerplate.', [{ start: 0, end: 16 }])).toEqual([]);
  });
});

describe('splitSentences on the sample corpus', () => {
  const gold = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/clean/seeds-gold.json'), 'utf8'));
  for (const [file, g] of Object.entries<any>(gold)) {
    if (file.startsWith('_')) continue;
    it(`${file}: every gold event sentence is one sentence, every toponym inside a sentence`, () => {
      const text = readFileSync(path.join(import.meta.dirname, '../geodata/corpus', file), 'utf8');
      const sentences = splitSentences(text, g.boilerplate);
      const spans = new Set(sentences.map((s) => `${s.start}-${s.end}`));
      for (const e of g.eventSentences) expect(spans.has(`${e.start}-${e.end}`), text.slice(e.start, e.end)).toBe(true);
      for (const t of g.toponyms) expect(sentences.some((s) => s.start <= t.start && t.end <= s.end), t.surface).toBe(true);
    });
  }
});
