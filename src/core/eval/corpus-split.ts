/**
 * The fixed train / held-out split of the evaluation corpora: an article is held out when the
 * FNV-1a hash of its id falls in the last fifth. It depends on the id alone, so it never
 * changes as code or data change, and anyone can recompute it.
 */
import { fnv1a } from '../common/hash.ts';

export { fnv1a };

/** Which part of a corpus an article belongs to. */
export type SplitPart = 'train' | 'test';

const HELD_OUT_BUCKETS = 1; // of SPLIT_BUCKETS: 1 in 5, about 20 %
const SPLIT_BUCKETS = 5;

/** The part of the fixed split an article id belongs to. */
export function splitOf(id: string): SplitPart {
  return fnv1a(id) % SPLIT_BUCKETS < HELD_OUT_BUCKETS ? 'test' : 'train';
}

/**
 * The fixed development / held-out split of the reports corpus (test/corpus/reports): held out
 * when the FNV-1a hash of the id falls in the first third. A third, not a fifth: the corpus is
 * small, and the held-out figures need enough events to mean something.
 */
export function reportSplitOf(id: string): 'dev' | 'held-out' {
  return fnv1a(id) % 3 === 0 ? 'held-out' : 'dev';
}
