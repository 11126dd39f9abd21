// Reading articles: every supported format, every kind of bad input (fixtures in
// test/fixtures/articles/), and folder reading with metadata.json and duplicate ids.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readArticleFile, normalizeDate } from '../src/core/text/read-article-file.ts';
import { readArticles } from '../scripts/lib/read-articles.ts';

const dir = path.join(import.meta.dirname, 'fixtures/articles');
const read = (name: string, opts?: { maxBytes?: number }) => readArticleFile(name, readFileSync(path.join(dir, name)), opts);
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe('readArticleFile: formats', () => {
  it('reads a .txt file as is, id from the file name', () => {
    const r = read('plain.txt');
    expect(r.problems).toEqual([]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].id).toBe('plain');
    expect(r.articles[0].text).toBe(readFileSync(path.join(dir, 'plain.txt'), 'utf8'));
    expect(r.articles[0].meta).toEqual({});
  });

  it('reads markdown front matter into meta and cuts it off the text', () => {
    const r = read('front-matter.md');
    expect(r.problems).toEqual([]);
    const a = r.articles[0];
    expect(a.id).toBe('kharkiv-2022-03-01');
    expect(a.meta).toEqual({
      title: 'Shelling hits Kharkiv',
      outlet: 'Example News',
      author: 'Jane Roe, John Doe',
      url: 'https://example.org/kharkiv',
      published: '2022-03-01',
      credit: 'CC BY 4.0 Example News',
    });
    expect(a.text.startsWith('\n# Shelling hits Kharkiv')).toBe(true);
    expect(a.text).not.toContain('outlet:');
  });

  it('keeps an article whose front matter is broken, with a warning', () => {
    const r = read('broken-front-matter.md');
    expect(codes(r)).toEqual(['bad-front-matter']);
    expect(r.problems[0].severity).toBe('warning');
    expect(r.articles[0].text).toBe('Fighting continued near Bakhmut on Wednesday.\n');
    expect(r.articles[0].meta).toEqual({});
  });

  it('extracts visible HTML text with paragraph breaks (no-break spaces as spaces) and page metadata', () => {
    const r = read('page.html');
    expect(r.problems).toEqual([]);
    const a = r.articles[0];
    expect(a.text).toBe(
      'Flooding in Derna\n\nTwo dams burst above Derna, Libya, on Sunday night.\nWhole districts were swept into the sea.\n\n' +
        'Rescue teams reached Al Bayda & Susa on Tuesday.\n\nItem one\n\nItem two\n\n© 2023 Example Times',
    );
    for (const hidden of ['tracking', 'JavaScript', 'template text', 'svg text', 'hidden text', 'Home', 'icon']) {
      expect(a.text).not.toContain(hidden);
    }
    expect(a.meta).toEqual({ title: 'Flooding in Derna', outlet: 'Example Times', author: 'Hana Ali', published: '2023-09-12' });
  });

  it('takes <title>, <time datetime> when no og: tags exist', () => {
    const html = '<html><head><title>Talks in Doha</title></head><body><p>Posted <time datetime="2021-08-30">Monday</time></p><p>Talks resumed in Doha.</p></body></html>';
    const r = readArticleFile('doha.htm', new TextEncoder().encode(html));
    expect(r.articles[0].meta).toEqual({ title: 'Talks in Doha', published: '2021-08-30' });
    expect(r.articles[0].text).toBe('Posted Monday\n\nTalks resumed in Doha.');
  });

  it('reads JSONL line by line, reporting bad lines by number and keeping the others', () => {
    const r = read('batch.jsonl');
    expect(r.articles.map((a) => a.id)).toEqual(['a1', 'a2', 'batch-5', '7']);
    expect(r.articles[0].meta).toEqual({ title: 'Goma clashes', outlet: 'Example Wire', published: '2024-01-15' });
    expect(r.articles[3].meta.published).toBe('2024-03-03');
    const byCode = r.problems.map((p) => `${p.code}@${p.message.match(/Line (\d+)/)?.[1] ?? '-'}`);
    expect(byCode).toEqual([
      'bad-date@-',
      'bad-jsonl-line@3',
      'missing-id@5',
      'missing-text@6',
      'missing-text@7',
      'bad-record@8',
    ]);
    expect(r.problems.find((p) => p.code === 'missing-id')!.severity).toBe('warning');
    expect(r.problems.find((p) => p.code === 'bad-jsonl-line')!.severity).toBe('error');
  });

  it('reads .ndjson like .jsonl', () => {
    const r = readArticleFile('x.ndjson', new TextEncoder().encode('{"id":"n1","text":"Raid in Jenin."}\n'));
    expect(r.articles.map((a) => a.id)).toEqual(['n1']);
  });

  it('reads a .json file of articles', () => {
    const r = read('batch.json');
    expect(r.articles.map((a) => a.id)).toEqual(['j1', 'j3']);
    expect(r.articles[1].meta.author).toBe('A. Writer');
    expect(codes(r)).toEqual(['missing-text']);
    expect(r.problems[0].message).toContain('Item 2');
  });

  it('decodes a UTF-16 file by its byte-order mark', () => {
    const r = read('utf16.txt');
    expect(r.problems).toEqual([]);
    expect(r.articles[0].text).toBe('Turkish troops entered Idlib.\n');
  });
});

describe('readArticleFile: bad input', () => {
  it('reports an empty file and a whitespace-only file', () => {
    expect(codes(read('empty.txt'))).toEqual(['empty-file']);
    expect(codes(read('whitespace.txt'))).toEqual(['empty-file']);
    expect(read('empty.txt').articles).toEqual([]);
  });

  it('reports a binary file (NUL bytes) and skips it', () => {
    const r = read('binary.txt');
    expect(codes(r)).toEqual(['binary-file']);
    expect(r.problems[0].severity).toBe('error');
    expect(r.articles).toEqual([]);
  });

  it('reports a file full of control characters as binary', () => {
    expect(codes(read('controls.txt'))).toEqual(['binary-file']);
  });

  it('decodes a legacy Latin-1 file as windows-1252, with a warning', () => {
    const r = read('latin1.txt');
    expect(codes(r)).toEqual(['invalid-utf8']);
    expect(r.problems[0].severity).toBe('warning');
    expect(r.problems[0].message).toContain('offset 25');
    expect(r.articles[0].text).toBe('Les combats ont repris près de Béni, selon la société civile.\n');
  });

  it('keeps a damaged UTF-8 file, replacing the bad bytes and saying how many', () => {
    const r = read('damaged-utf8.txt');
    expect(codes(r)).toEqual(['invalid-utf8']);
    expect(r.problems[0].message).toMatch(/2 invalid sequence/);
    expect(r.articles[0].text).toBe('Café in Beirut — \uFFFD\uFFFD shelling near Tyre.\n');
  });

  it('reports an unknown extension', () => {
    const r = read('notes.pdf');
    expect(codes(r)).toEqual(['unknown-extension']);
    expect(r.problems[0].file).toBe('notes.pdf');
  });

  it('reports a 20 MB file without decoding it', () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    const r = readArticleFile('big.txt', big);
    expect(codes(r)).toEqual(['file-too-large']);
    expect(r.problems[0].message).toContain('20971520');
    expect(codes(readArticleFile('small.txt', new Uint8Array(100).fill(0x61), { maxBytes: 50 }))).toEqual(['file-too-large']);
  });

  it('does not modify its input bytes', () => {
    const bytes = readFileSync(path.join(dir, 'latin1.txt'));
    const copy = Uint8Array.from(bytes);
    readArticleFile('latin1.txt', bytes);
    expect(Uint8Array.from(bytes)).toEqual(copy);
  });
});

describe('normalizeDate', () => {
  it('accepts ISO and written dates and rejects impossible ones', () => {
    expect(normalizeDate('2020-02-06T10:00:00Z')).toBe('2020-02-06');
    expect(normalizeDate('February 6, 2020')).toBe('2020-02-06');
    expect(normalizeDate('Thursday, 6 Feb. 2020')).toBe('2020-02-06');
    expect(normalizeDate('2021-02-29')).toBeUndefined();
    expect(normalizeDate('2020-02-29')).toBe('2020-02-29');
    expect(normalizeDate('soon')).toBeUndefined();
  });
});

describe('readArticles (folders)', () => {
  const base = path.join(import.meta.dirname, '..');

  it('walks a folder in sorted order, skips side files and dotfiles, applies metadata.json, reports duplicate ids', async () => {
    const r = await readArticles([path.join(dir, 'corpus')], { base });
    expect(r.filesRead).toBe(3);
    expect(r.articles.map((a) => a.file)).toEqual(['test/fixtures/articles/corpus/one.txt', 'test/fixtures/articles/corpus/two.md']);
    const [one, two] = r.articles;
    expect(one.meta).toEqual({ title: 'From metadata', outlet: 'Example Outlet', published: '2017-07-09', publishedPrecision: 'day' });
    // The file's own front matter wins over metadata.json, which fills the gaps.
    expect(two.meta).toEqual({ title: 'Second from front matter', author: 'Meta Author' });
    const dup = r.problems.find((p) => p.code === 'duplicate-id')!;
    expect(dup).toMatchObject({ severity: 'error', articleId: 'one', file: 'test/fixtures/articles/corpus/sub/one.txt' });
    expect(dup.message).toContain('test/fixtures/articles/corpus/one.txt');
    expect(r.problems.some((p) => p.code === 'bad-metadata' && p.file === 'test/fixtures/articles/corpus/sub/metadata.json')).toBe(true);
  });

  it('reads the bundled sample corpus with its metadata', async () => {
    const r = await readArticles([path.join(base, 'geodata/corpus')], { base });
    expect(r.problems).toEqual([]);
    expect(r.articles.map((a) => a.id)).toEqual([
      '000_6195148872940ec0', '001_ddce4be9aea2dc1d', '002_3540fc130ab028ac', '003_aa627390f2ce3abe', '004_868ae5683a45a49e',
    ]);
    expect(r.articles[4].meta).toMatchObject({ published: '2015-12-08', publishedPrecision: 'approximate', outlet: 'ValueWalk' });
    expect(r.articles.every((a) => a.meta.credit)).toBe(true);
  });

  it('reports missing paths and checks the size before reading', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'read-articles-'));
    try {
      const big = path.join(tmp, 'big.txt');
      await writeFile(big, '');
      await truncate(big, 20 * 1024 * 1024); // sparse: no 20 MB written to disk
      const r = await readArticles([big, path.join(tmp, 'missing.txt')], { base: tmp });
      expect(r.articles).toEqual([]);
      expect(r.problems.map((p) => `${p.code}:${p.file}`)).toEqual(['not-found:missing.txt', 'file-too-large:big.txt']);
      expect(r.filesRead).toBe(1);
    } finally {
      await rm(tmp, { recursive: true });
    }
  });
});
