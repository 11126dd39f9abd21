/**
 * Hostile input, end to end: the corpus of scripts/make-hostile-corpus.ts (empty, binary, PNG,
 * invalid UTF-8, UTF-16, BOMs, CRLF, 20 MB, a 1 MB line, many lines, HTML with scripts, broken
 * front matter, years 0001 and 9999, unknown extensions, bad JSONL, odd ids, an unreadable file,
 * symlink loops, a named pipe, odd names, 10,000 tiny files) through the real ingest, and a
 * hostile JSONL stream through the real geoparse. Every input must come out as an article or in
 * report.json with its reason; nothing may crash, hang or print a stack trace. No timings.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../scripts/ingest.ts';
import { makeHostileCorpus, type HostileCorpus } from '../scripts/make-hostile-corpus.ts';
import type { ArticlesFile, RunReport } from '../src/core/model.ts';

let root: string;
let corpus: HostileCorpus;
let report: RunReport;
let written: Set<string>;
let articles: ArticlesFile['articles'];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hostile-'));
  corpus = makeHostileCorpus(join(root, 'corpus'));
  report = await ingest([corpus.dir], join(root, 'out'));
  articles = (JSON.parse(readFileSync(join(root, 'out', 'articles.json'), 'utf8')) as ArticlesFile).articles;
  written = new Set(articles.map((a) => a.id));
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const baseId = (path: string) => {
  const base = path.split('/').pop()!;
  return base.lastIndexOf('.') > 0 ? base.slice(0, base.lastIndexOf('.')) : base;
};

describe('ingest of the hostile corpus', () => {
  it('accounts for every input: written, or in report.json with a reason', () => {
    const rel = (path: string) => relative(process.cwd(), join(corpus.dir, path));
    const skippedFiles = new Set(report.skipped.map((s) => s.file));
    const reportedFiles = new Set([...skippedFiles, ...report.problems.map((p) => p.file)]);
    const lost: string[] = [];
    for (const input of corpus.inputs) {
      const ids = input.ids ?? [baseId(input.path)];
      const isWritten = ids.every((id) => written.has(id));
      const ok = input.expect === 'article' ? isWritten : input.expect === 'skipped' ? skippedFiles.has(rel(input.path)) : isWritten || reportedFiles.has(rel(input.path));
      if (!ok) lost.push(`${JSON.stringify(input.path)} (${input.what}, expected ${input.expect})`);
      if (input.badLines) expect(report.skipped.filter((s) => s.file === rel(input.path)).length, input.path).toBeGreaterThanOrEqual(input.badLines);
    }
    expect(lost).toEqual([]);
    for (const s of report.skipped) expect(s.reason, s.file).toMatch(/\w+.*\./);
    expect(report.articlesRead).toBe(report.articlesWritten + report.skipped.length);
    expect(report.articlesWritten).toBe(articles.length);
  });

  it('reports the loop and the pipe for what they are', () => {
    const codeOf = (path: string) => [...report.skipped, ...report.problems].find((p) => p.file === relative(process.cwd(), join(corpus.dir, path)))?.code;
    expect(codeOf('loop.txt')).toBe('symlink-loop');
    expect(codeOf('looped/back-up')).toBe('symlink-loop');
    if (corpus.inputs.some((i) => i.path === 'pipe.txt')) expect(codeOf('pipe.txt')).toBe('not-a-file');
  });

  it('keeps scripts, handlers and javascript: links out of the text', () => {
    const html = articles.find((a) => a.id === 'scripts')!;
    expect(html.text).toMatch(/Shelling hit Idlib on Monday/);
    expect(html.text).not.toMatch(/alert|javascript:|document\.write|onclick|onerror/i);
  });

  it('warns, not fails, on a mention-dense article: the bound on nearness is reported', () => {
    expect(report.problems.some((p) => p.code === 'many-mentions' && p.articleId === 'many-lines' && p.severity === 'warning')).toBe(true);
  });

  it('reads a text over the size bound up to it, and says so with the dropped span', () => {
    for (const id of ['many-lines', 'one-mb-line']) {
      const p = report.problems.find((q) => q.code === 'article-truncated' && q.articleId === id);
      expect(p?.severity, id).toBe('warning');
      const text = articles.find((a) => a.id === id)!.text;
      expect(p!.span!.start, id).toBe(text.length);
    }
  });

  it('lists what it could not make on this machine, with the reason', () => {
    for (const reason of corpus.omitted) expect(reason).toMatch(/: /);
  });
});

describe('geoparse of a hostile stream', () => {
  it('gives one stdout line or one stderr line per input line, JSONL only on stdout, no stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/geoparse.ts'], { input: corpus.geoparseInput, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
    expect(run.status).toBe(0);
    const out = run.stdout.split('\n').filter((l) => l !== '');
    for (const line of out) expect(() => JSON.parse(line)).not.toThrow();
    const rejected = run.stderr.split('\n').filter((l) => /^geoparse: line \d+: /.test(l));
    expect(out.length + rejected.length).toBe(corpus.geoparseLines);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.stderr).toMatch(/^geoparse: warning: line \d+: The article has 1,0\d\d,\d{3} characters; only the first/m);
    expect(out.map((l) => JSON.parse(l).id)).toEqual(expect.arrayContaining(['bom', 'crlf', '../../x', '7', 'bad-utf8', 'long', 'last']));
  }, 120_000);
});
