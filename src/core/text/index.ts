/**
 * Stage `text`: from bytes to a cleaned article. Reads one article file (txt, md, html, JSONL)
 * into raw articles (read-article-file.ts), bounds an over-long text (bound-article.ts), marks
 * boilerplate as spans without changing the text and splits the content into sentences
 * (clean-article.ts, sentences.ts), and cuts text into word tokens with offsets (tokenize.ts).
 *
 * Reads: bytes or a `RawArticle`. Gives the next stages (dates, places, events) an `Article`:
 * the original text, its boilerplate spans and its content sentences, every offset valid in
 * the text. Imports only `model.ts` and `common/`.
 *
 * This file names the stage's interface; importers may equally import its modules directly.
 */
export { readArticleFile } from './read-article-file.ts';
export { boundArticle, MAX_ARTICLE_CHARS } from './bound-article.ts';
export { cleanArticle } from './clean-article.ts';
export { splitSentences } from './sentences.ts';
export { tokenize, type Token } from './tokenize.ts';
