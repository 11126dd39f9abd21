/**
 * What the last run read from each input file, so that a file unchanged since (same size, same
 * modification time, same metadata.json beside it) is not read and hashed again: its articles'
 * ids and cache keys are taken from here (`files.json` in the cache's version folder). A file
 * modified less than `RACY_MS` before it was read is not trusted next time (a change within the
 * same tick of a coarse clock would keep its time), and a file whose cache entries are gone is
 * read again. Written at the end of a run that succeeded; only that run's files are kept.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem, RawArticle } from '../../src/core/model.ts';
import type { KnownFile, ReadArticlesOptions } from './read-articles.ts';

/** How long before it was read a file's last change must be for its stamp to be trusted. */
const RACY_MS = 2000;

interface ManifestEntry extends KnownFile {
  stamp: string;
  /** When the file was examined (ms since the epoch). */
  readAt: number;
}

/** The manifest of one run: the last run's entries to look up, this run's to write. */
export class FileManifest {
  #path: string;
  #last: Record<string, ManifestEntry> = {};
  #next: Record<string, ManifestEntry> = {};
  #examined = new Map<string, number>();

  /** `entryOf(key)`: the cache entry of a key, which must still exist for a file to be known. */
  constructor(
    cacheDir: string,
    readonly entryOf: (key: string) => string,
    readonly keyOf: (raw: RawArticle) => string,
  ) {
    this.#path = join(cacheDir, 'files.json');
    try {
      this.#last = JSON.parse(readFileSync(this.#path, 'utf8')) as Record<string, ManifestEntry>;
    } catch {
      // None yet, or broken: every file is read.
    }
  }

  /** The hooks for `streamKnownArticles`. */
  hooks(): Pick<ReadArticlesOptions, 'known' | 'onRead'> {
    return {
      known: (file, name, stamp) => {
        this.#examined.set(file, Date.now());
        const id = `${name}\0${file}`;
        const last = Object.prototype.hasOwnProperty.call(this.#last, id) ? this.#last[id] : undefined;
        if (!last || last.stamp !== stamp || !trusted(stamp, last.readAt)) return undefined;
        if (!last.articles.every((a) => existsSync(this.entryOf(a.key)))) return undefined;
        this.#next[id] = last;
        return last;
      },
      onRead: (file, name, stamp, articles: RawArticle[], problems: Problem[]) => {
        this.#next[`${name}\0${file}`] = { stamp, readAt: this.#examined.get(file) ?? Date.now(), articles: articles.map((a) => ({ id: a.id, key: this.keyOf(a) })), problems };
      },
    };
  }

  /** Writes this run's entries (renamed into place). */
  write(): void {
    const tmp = `${this.#path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.#next));
    renameSync(tmp, this.#path);
  }
}

/** Whether every modification time in a stamp ("size mtime [size mtime | -]") is RACY_MS before `readAt`. */
function trusted(stamp: string, readAt: number): boolean {
  const [, mtime, , sideMtime] = stamp.split(' ');
  return Number(mtime) < readAt - RACY_MS && (sideMtime === undefined || Number(sideMtime) < readAt - RACY_MS);
}
