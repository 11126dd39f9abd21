import { describe, expect, it } from 'vitest';
import { parseMarkup, plainText, type Markup } from '../../src/app/lib/markup.ts';

/** What the reader shows: the text less the hidden spans, per block, with styles as [kind:text]. */
function shown(text: string, m: Markup = parseMarkup(text)): string[] {
  const hidden = (i: number) => m.hidden.some((h) => h.start <= i && i < h.end);
  return m.blocks.map((b) => {
    let s = `${b.kind}:`;
    for (let i = b.start; i < b.end; i++) if (!hidden(i)) s += text[i];
    return s;
  });
}
const styled = (text: string) => parseMarkup(text).styles.map((s) => `${s.kind}:${text.slice(s.start, s.end)}${s.href !== undefined ? `→${s.href}` : ''}`);

describe('markup in article text', () => {
  it('reads headings, paragraphs, list items, quotes and rules as blocks', () => {
    const text = '\n\n# Title here #\n\nBy [Paul](#)\n\nOne line\nand its next.\n\n- first\n- second\n\n> quoted\n\n---\n\n## Sub';
    expect(shown(text)).toEqual(['h1:Title here', 'p:By Paul', 'p:One line\nand its next.', 'li:first', 'li:second', 'quote:quoted', 'rule:', 'h2:Sub']);
  });

  it('styles emphasis, strong, code and links, nested, and keeps offsets of the text as given', () => {
    const text = '*Turkish **President Erdoğan** made a [massive outburst](#) in `Ankara`.*';
    expect(styled(text)).toEqual([
      'em:Turkish **President Erdoğan** made a [massive outburst](#) in `Ankara`.',
      'strong:President Erdoğan',
      'link:massive outburst→#',
      'code:Ankara',
    ]);
    expect(shown(text)).toEqual(['p:Turkish President Erdoğan made a massive outburst in Ankara.']);
    expect(styled('see [this](javascript:alert(1)).')).toEqual(['link:this→javascript:alert(1)']);
  });

  it('reads the inline HTML tags pasted text keeps, and leaves any other tag as text', () => {
    const text = '<a href="">WikiImages</a> / <b>Pixabay</b><br> <script>alert(1)</script> <img src=x onerror="x()">';
    expect(shown(text)).toEqual(['p:WikiImages / Pixabay <script>alert(1)</script> <img src=x onerror="x()">']);
    expect(styled(text)).toEqual(['link:WikiImages→', 'strong:Pixabay']);
  });

  it('leaves plain text alone: snake_case, lone stars, #hashtags, 3 < 4, escaped stars', () => {
    for (const text of ['snake_case_name and 2 * 3 * 4', '#hashtag and 3 < 4 > 2', 'a*b']) {
      expect(parseMarkup(text).hidden).toEqual([]);
    }
    expect(shown('\\*not em\\*')).toEqual(['p:*not em*']);
  });

  it('makes a one-line plain text of a span', () => {
    const text = 'x **Idlib** was [hit](#)\nagain. y';
    expect(plainText(text, { start: 2, end: 32 })).toBe('Idlib was hit again.');
  });
});
