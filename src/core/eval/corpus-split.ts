/**
 * The fixed train / held-out split of the evaluation corpora: an article is held out when the
 * FNV-1a hash of its id falls in the last fifth. It depends on the id alone, so it never
 * changes as code or data change, and anyone can recompute it.
 */

/** Which part of a corpus an article belongs to. */
export type SplitPart = 'train' | 'test';

const HELD_OUT_BUCKETS = 1; // of SPLIT_BUCKETS: 1 in 5, about 20 %
const SPLIT_BUCKETS = 5;

/** The part of the fixed split an article id belongs to. */
export function splitOf(id: string): SplitPart {
  return fnv1a(id) % SPLIT_BUCKETS < HELD_OUT_BUCKETS ? 'test' : 'train';
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function fnv1a(s: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    hash ^= s.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The fixed development / held-out split of the reports corpus (test/corpus/reports): held out
 * when the FNV-1a hash of the id falls in the first third. A third, not a fifth: the corpus is
 * small, and the held-out figures need enough events to mean something.
 */
export function reportSplitOf(id: string): 'dev' | 'held-out' {
  return fnv1a(id) % 3 === 0 ? 'held-out' : 'dev';
}
