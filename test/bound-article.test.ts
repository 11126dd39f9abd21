import { describe, expect, it } from 'vitest';
import { boundArticle, MAX_ARTICLE_CHARS } from '../src/core/text/bound-article.ts';
import type { RawArticle } from '../src/core/model.ts';

const article = (text: string): RawArticle => ({ id: 'a', file: 'a.txt', text, meta: {} });

describe('boundArticle: the size bound on one article', () => {
  it('leaves an article within the bound as it is, with no problem', () => {
    const raw = article('Shelling hit Idlib.');
    expect(boundArticle(raw)).toEqual({ raw });
    expect(boundArticle(article('x'.repeat(MAX_ARTICLE_CHARS))).problem).toBeUndefined();
  });

  it('cuts at the last paragraph break near the bound, keeps the prefix, and says what was dropped', () => {
    const text = `${'a'.repeat(95)}\n\n${'b'.repeat(50)}`;
    const { raw, problem } = boundArticle(article(text), 100);
    expect(raw.text).toBe(`${'a'.repeat(95)}\n\n`);
    expect(text.startsWith(raw.text)).toBe(true);
    expect(problem).toMatchObject({ code: 'article-truncated', severity: 'warning', file: 'a.txt', articleId: 'a', span: { start: 97, end: 147 } });
    expect(problem!.message).toMatch(/147 characters; only the first 97 \(to line 2\)/);
  });

  it('falls back to a line break, a sentence end, a space, then the bound itself', () => {
    expect(boundArticle(article(`${'a'.repeat(93)}\n${'b'.repeat(20)}`), 100).raw.text).toBe(`${'a'.repeat(93)}\n`);
    expect(boundArticle(article(`${'a'.repeat(93)}. ${'b'.repeat(20)}`), 100).raw.text).toBe(`${'a'.repeat(93)}. `);
    expect(boundArticle(article(`${'a'.repeat(93)} ${'b'.repeat(20)}`), 100).raw.text).toBe(`${'a'.repeat(93)} `);
    // A break too far back (outside the last tenth) is not taken.
    expect(boundArticle(article(`aaa ${'b'.repeat(200)}`), 100).raw.text).toHaveLength(100);
  });

  it('never cuts a surrogate pair in two', () => {
    expect(boundArticle(article(`${'a'.repeat(99)}😀${'b'.repeat(10)}`), 100).raw.text).toBe('a'.repeat(99));
  });

  it('does not change its input', () => {
    const raw = article(`${'a'.repeat(95)}\n\n${'b'.repeat(50)}`);
    const copy = structuredClone(raw);
    boundArticle(raw, 100);
    expect(raw).toEqual(copy);
  });
});
