/**
 * Reading articles from disk for the command-line tools: files and folders in, raw articles and
 * problems out. The I/O half of `src/core/text/read-article-file.ts` (which does the parsing):
 * folders are walked recursively in sorted order (so runs are deterministic), sizes are checked
 * before a file is read whole, a `metadata.json` beside the files fills in what the files do not
 * say, and duplicate ids are reported, not silently merged.
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_MAX_BYTES, metaFromRecord, readArticleFile } from '../../src/core/text/read-article-file.ts';
import type { ArticleMeta, Problem, RawArticle } from '../../src/core/model.ts';

/** Options of `readArticles`. */
export interface ReadArticlesOptions {
  /** Files larger than this are reported and not read (default 5 MB). */
  maxBytes?: number;
  /** Paths in `file` fields and problems are relative to this folder (default: the working directory). */
  base?: string;
  /**
   * Files read by an earlier run, for `streamKnownArticles`: given a file (its path, its name as
   * reported and a stamp of its size, modification time and folder's metadata.json), what it
   * gave then, or undefined to read it.
   */
  known?: (file: string, name: string, stamp: string) => KnownFile | undefined;
  /** Called after each file read, with every article it gave (duplicates of earlier files too) and its problems, for `known` next time. */
  onRead?: (file: string, name: string, stamp: string, articles: RawArticle[], problems: Problem[]) => void;
}

/** What a file gave when it was read: its articles (by id, with what the caller keeps of each) and its problems. */
export interface KnownFile {
  articles: Array<{ id: string; key: string }>;
  problems: Problem[];
}

/** An article of a known file: not read again, only its id and the caller's key. */
export interface KnownArticle {
  id: string;
  key: string;
  file: string;
}

/** What a run read. */
export interface ReadArticlesResult {
  /** Articles in path order, first of each id only. */
  articles: RawArticle[];
  /** Problems of every file, in the order met (missing paths first). */
  problems: Problem[];
  /** Candidate files examined (read, or reported as too large or unreadable). */
  filesRead: number;
}

/** Files of a corpus folder that describe it rather than being articles. */
const CORPUS_SIDE_FILES = new Set(['metadata.json', 'readme.md', 'readme.txt', 'readme', 'license', 'license.md', 'license.txt']);

/** Read every article under `paths` (files or folders). Never throws for bad input: problems say. */
export async function readArticles(paths: string[], opts: ReadArticlesOptions = {}): Promise<ReadArticlesResult> {
  const articles: RawArticle[] = [];
  const stream = streamArticles(paths, opts);
  for await (const article of stream) articles.push(article);
  return { articles, problems: stream.problems, filesRead: stream.filesRead };
}

/** Articles one at a time, as `readArticles` finds them; problems and the file count fill in as it goes. */
export interface ArticleStream<T = RawArticle> extends AsyncIterable<T> {
  readonly problems: Problem[];
  readonly filesRead: number;
}

/**
 * The articles under `paths`, one at a time, in the order `readArticles` lists them: only one
 * file's bytes and the ids seen so far are held, so a corpus of any size reads in bounded memory.
 */
export function streamArticles(paths: string[], opts: ReadArticlesOptions = {}): ArticleStream {
  return streamKnownArticles(paths, { ...opts, known: undefined }) as ArticleStream;
}

/**
 * As `streamArticles`, but a file `opts.known` knows (same size, time and metadata) is not read:
 * its articles come as `KnownArticle`s, in their place, duplicates dropped as when it was read.
 */
export function streamKnownArticles(paths: string[], opts: ReadArticlesOptions = {}): ArticleStream<RawArticle | KnownArticle> {
  const problems: Problem[] = [];
  const state = { filesRead: 0 };
  async function* articles(): AsyncGenerator<RawArticle | KnownArticle> {
    const base = opts.base ?? process.cwd();
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const firstFile = new Map<string, string>();
    const metadata = new Map<string, Promise<Record<string, ArticleMeta>>>();
    const rel = (p: string) => path.relative(base, p) || path.basename(p);

    const files: string[] = [];
    for (const p of paths) await expand(path.resolve(p), files, problems, rel, new Set(), true);

    for (const file of files) {
      state.filesRead++;
      const name = rel(file);
      let bytes: Uint8Array;
      let stamp = '';
      try {
        const info = await stat(file);
        if (info.size > maxBytes) {
          problems.push({ code: 'file-too-large', message: `File is ${info.size} bytes, over the limit of ${maxBytes} bytes. File skipped.`, severity: 'error', file: name });
          continue;
        }
        if (opts.known || opts.onRead) {
          const side = await stat(path.join(path.dirname(file), 'metadata.json')).catch(() => null);
          stamp = `${info.size} ${info.mtimeMs} ${side ? `${side.size} ${side.mtimeMs}` : '-'}`;
          const known = opts.known?.(file, name, stamp);
          if (known) {
            problems.push(...known.problems);
            // The folder's metadata.json read as for a file read, for its problems.
            const dir = path.dirname(file);
            if (!metadata.has(dir)) metadata.set(dir, loadMetadata(dir, rel, problems));
            await metadata.get(dir);
            for (const article of known.articles) {
              const first = firstFile.get(article.id);
              if (first !== undefined) {
                problems.push({ code: 'duplicate-id', message: `Article id "${article.id}" was already read from ${first}; this one is skipped.`, severity: 'error', file: name, articleId: article.id });
                continue;
              }
              firstFile.set(article.id, name);
              yield { id: article.id, key: article.key, file: name };
            }
            continue;
          }
        }
        bytes = await readFile(file);
      } catch (e) {
        problems.push({ code: 'unreadable', message: `File could not be read (${(e as Error).message}). File skipped.`, severity: 'error', file: name });
        continue;
      }
      const result = readArticleFile(name, bytes, { maxBytes });
      problems.push(...result.problems);
      const dir = path.dirname(file);
      if (!metadata.has(dir)) metadata.set(dir, loadMetadata(dir, rel, problems));
      const sideMeta = await metadata.get(dir)!;
      const given: RawArticle[] = [];
      for (const article of result.articles) {
        // The file's own metadata wins; metadata.json fills the gaps (keyed by file name or id).
        const extra = sideMeta[path.basename(file)] ?? sideMeta[article.id] ?? {};
        const raw = { ...article, meta: { ...extra, ...article.meta } };
        given.push(raw);
        const first = firstFile.get(article.id);
        if (first !== undefined) {
          problems.push({ code: 'duplicate-id', message: `Article id "${article.id}" was already read from ${first}; this one is skipped.`, severity: 'error', file: name, articleId: article.id });
          continue;
        }
        firstFile.set(article.id, name);
        yield raw;
      }
      opts.onRead?.(file, name, stamp, given, result.problems);
    }
  }
  return {
    problems,
    get filesRead() {
      return state.filesRead;
    },
    [Symbol.asyncIterator]: articles,
  };
}

/** Collect article files under `p`, sorted; dotfiles and corpus side files are skipped. */
async function expand(p: string, out: string[], problems: Problem[], rel: (p: string) => string, seen: Set<string>, named: boolean): Promise<void> {
  let info;
  try {
    info = await stat(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') problems.push({ code: 'symlink-loop', message: 'A symbolic link that leads back to itself; nothing to read. Skipped.', severity: 'error', file: rel(p) });
    else if (code === 'ENOENT') problems.push({ code: 'not-found', message: `No such file or folder: ${rel(p)}.`, severity: 'error', file: rel(p) });
    else problems.push({ code: 'unreadable', message: `Could not be examined (${(e as Error).message}). Skipped.`, severity: 'error', file: rel(p) });
    return;
  }
  if (info.isFile()) {
    if (named || !CORPUS_SIDE_FILES.has(path.basename(p).toLowerCase())) out.push(p);
    return;
  }
  if (!info.isDirectory()) {
    // A named pipe, socket or device: reading one may wait forever or never end.
    problems.push({ code: 'not-a-file', message: 'Not a regular file or folder (a pipe, socket or device); not read. Skipped.', severity: 'error', file: rel(p) });
    return;
  }
  let names: string[];
  try {
    const real = await realpath(p);
    if (seen.has(real)) {
      problems.push({ code: 'symlink-loop', message: `A link back to a folder already read (${rel(real)}); not read twice.`, severity: 'warning', file: rel(p) });
      return;
    }
    seen.add(real);
    names = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
  } catch (e) {
    problems.push({ code: 'unreadable', message: `Folder could not be read (${(e as Error).message}). Skipped.`, severity: 'error', file: rel(p) });
    return;
  }
  for (const n of names) await expand(path.join(p, n), out, problems, rel, seen, false);
}

/** The `metadata.json` of a folder, keyed by file name (or article id); {} when there is none. */
async function loadMetadata(dir: string, rel: (p: string) => string, problems: Problem[]): Promise<Record<string, ArticleMeta>> {
  const file = path.join(dir, 'metadata.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return {};
  }
  const name = rel(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    problems.push({ code: 'bad-metadata', message: `metadata.json is not valid JSON (${(e as Error).message}); ignored.`, severity: 'warning', file: name });
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push({ code: 'bad-metadata', message: 'metadata.json must be an object keyed by file name; ignored.', severity: 'warning', file: name });
    return {};
  }
  const out: Record<string, ArticleMeta> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ code: 'bad-metadata', message: `metadata.json entry "${key}" is not an object; ignored.`, severity: 'warning', file: name });
      continue;
    }
    const { meta, problems: p } = metaFromRecord(value as Record<string, unknown>, name);
    problems.push(...p);
    out[key] = meta;
  }
  return out;
}
