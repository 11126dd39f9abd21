/**
 * Whose data public/data holds. `npm run data` (and so `npm start` and `npm test`) may remake the
 * sample corpus's layers, but never a user's own: after ingesting the sample it writes a marker
 * with a hash of the articles it wrote, and re-ingests only while the folder still holds exactly
 * those (an `npm run ingest` of one's own articles changes them, so the marker no longer matches).
 * A folder from before the marker is the sample when its article ids are the sample's files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

export const MARKER = '.sample-data.json';

export type DataOwner = 'none' | 'sample' | 'user';

/** What the folder holds: nothing yet, the sample corpus's layers, or someone's own data. */
export function dataOwner(dir: string, sampleCorpus: string): DataOwner {
  const articles = join(dir, 'articles.json');
  if (!existsSync(articles) || !existsSync(join(dir, 'events.geojson'))) return 'none';
  const hash = fileHash(articles);
  const marker = join(dir, MARKER);
  if (existsSync(marker)) {
    try {
      return (JSON.parse(readFileSync(marker, 'utf8')) as { articlesSha256?: string }).articlesSha256 === hash ? 'sample' : 'user';
    } catch {
      return 'user';
    }
  }
  return sameIds(articles, sampleCorpus) ? 'sample' : 'user';
}

/** Records that `dir` now holds the sample corpus's layers. */
export function markSample(dir: string, sampleCorpus: string): void {
  const body = { note: 'This folder holds the sample corpus: npm run data may remake it from the sample.', corpus: sampleCorpus, articlesSha256: fileHash(join(dir, 'articles.json')) };
  writeFileSync(join(dir, MARKER), `${JSON.stringify(body, null, 2)}\n`);
}

function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function sameIds(articlesFile: string, sampleCorpus: string): boolean {
  try {
    const ids = (JSON.parse(readFileSync(articlesFile, 'utf8')) as { articles: Array<{ id: string }> }).articles.map((a) => a.id).sort();
    const files = readdirSync(sampleCorpus).filter((f) => /\.(txt|md|html?)$/.test(f) && !/^readme\./i.test(f)).map((f) => basename(f, extname(f))).sort();
    return ids.length === files.length && ids.every((id, i) => id === files[i]);
  } catch {
    return false;
  }
}
