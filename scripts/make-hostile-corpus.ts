/**
 * `npx tsx scripts/make-hostile-corpus.ts <folder>`: writes a corpus of hostile input for ingest
 * (and a hostile JSONL stream for geoparse) into a folder, and returns a manifest saying what
 * each input is, so a test can check that every one of them comes out as an article or as a line
 * of report.json with its reason. Made at test time, never committed: it holds a 20 MB file and
 * 10,000 tiny ones.
 *
 * Cases that cannot be made here are left out and listed in `omitted` with the reason (a file
 * that cannot be read, when running as root: then a symlink to /proc/self/mem stands in, whose
 * read fails for every user).
 */
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../src/core/common/seeded-random.ts';

/** One input of the corpus and what must become of it. */
export interface HostileInput {
  /** Path under the corpus folder. */
  path: string;
  /** What the case is. */
  what: string;
  /** `article`: must be written; `skipped`: must be in report.json's skipped list; `either`: one or the other. */
  expect: 'article' | 'skipped' | 'either';
  /** Article ids the file must give (JSONL), each written or reported; default: the file's base name. */
  ids?: string[];
  /** Records of a JSONL file that must be reported as bad lines. */
  badLines?: number;
}

/** What `makeHostileCorpus` made. */
export interface HostileCorpus {
  /** The folder to ingest. */
  dir: string;
  inputs: HostileInput[];
  /** Cases not made on this machine, with the reason. */
  omitted: string[];
  /** A JSONL stream for geoparse: Buffer, since some lines are not valid UTF-8. */
  geoparseInput: Buffer;
  /** Non-blank lines of `geoparseInput`: each must give one stdout line or one stderr line. */
  geoparseLines: number;
}

/** Options: smaller sizes keep the test fast; the defaults are the full corpus. */
export interface HostileOptions {
  /** How many tiny files (default 10,000). */
  tinyFiles?: number;
  /** How many short lines in the many-lines file (default 50,000). */
  manyLines?: number;
}

const PROSE = [
  'Shelling hit Idlib on Monday, killing three civilians.',
  'Turkish troops moved near Saraqib.',
  'Talks in Ankara failed.',
  'the market was quiet',
  'Aleppo',
];

/** Writes the hostile corpus into `dir` (created) and returns its manifest. */
export function makeHostileCorpus(dir: string, opts: HostileOptions = {}): HostileCorpus {
  const random = mulberry32(12);
  const inputs: HostileInput[] = [];
  const omitted: string[] = [];
  mkdirSync(dir, { recursive: true });
  const put = (path: string, content: string | Uint8Array, input: Omit<HostileInput, 'path'>) => {
    writeFileSync(join(dir, path), content);
    inputs.push({ path, ...input });
  };

  put('empty.txt', '', { what: 'empty file', expect: 'skipped' });
  put('one-byte.txt', 'x', { what: 'one byte', expect: 'either' });
  put('binary.txt', Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256)), { what: 'random bytes', expect: 'skipped' });
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  put('picture.png', png, { what: 'a PNG', expect: 'skipped' });
  put('picture-named-text.txt', png, { what: 'a PNG named .txt', expect: 'skipped' });
  put('invalid-utf8.txt', Buffer.concat([Buffer.from('Shelling hit Idlib. Caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from(' in Aleppo — ok.')]), { what: 'invalid UTF-8', expect: 'article' });
  put('utf16-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Shelling hit Idlib on Monday.\n', 'utf16le')]), { what: 'UTF-16LE with BOM', expect: 'article' });
  put('utf8-bom.md', `\ufeff---\ntitle: BOM\n---\nShelling hit Idlib.\n`, { what: 'UTF-8 BOM before front matter', expect: 'article' });
  put('crlf.txt', 'Headline\r\n\r\nShelling hit Idlib on Monday.\r\nTroops moved near Saraqib.\r\n', { what: 'CRLF line ends', expect: 'article' });
  put('twenty-mb.txt', 'Idlib. '.repeat(3_000_000), { what: '20 MB of text', expect: 'skipped' });
  let line = '';
  for (let i = 0; line.length < 1_000_000; i += 1) line += `${PROSE[i % PROSE.length]} `;
  put('one-mb-line.txt', line, { what: 'one line of 1 MB', expect: 'article' });
  put('many-lines.txt', Array.from({ length: opts.manyLines ?? 50_000 }, (_, i) => PROSE[i % PROSE.length]).join('\n'), { what: 'many short lines', expect: 'article' });
  put(
    'scripts.html',
    '<html><head><script>alert("head")</script><style>p{}</style></head><body onload="alert(1)"><h1>Idlib</h1>' +
      '<p onclick="alert(2)">Shelling hit <a href="javascript:alert(3)">Idlib</a> on Monday.</p><script>document.write("x")</script>' +
      '<img src=x onerror="alert(4)"><p>Troops moved near <a href="JaVaScRiPt:void(0)">Saraqib</a>.</p></body></html>',
    { what: 'HTML with scripts, handlers and javascript: links', expect: 'article' },
  );
  put('broken-front-matter.md', '---\ntitle: [unclosed\npublished: : :\n---\nShelling hit Idlib.\n', { what: 'broken front matter', expect: 'article' });
  put('unclosed-front-matter.md', '---\ntitle: never closed\nShelling hit Idlib.\n', { what: 'front matter never closed', expect: 'either' });
  put('year-0001.md', '---\npublished: 0001-01-01\n---\nShelling hit Idlib on 1 January 0001.\n', { what: 'a date in year 0001', expect: 'article' });
  put('year-9999.md', '---\npublished: 9999-12-31\n---\nShelling hit Idlib on December 31, 9999.\n', { what: 'a date in year 9999', expect: 'article' });
  put('notes.xyz', 'Shelling hit Idlib.', { what: 'unknown extension', expect: 'skipped' });
  put('no-extension', 'Shelling hit Idlib.', { what: 'no extension', expect: 'skipped' });
  // One of the two is written, the other reported as a duplicate (which one follows the sorted order).
  put('same-id.txt', 'Shelling hit Idlib.', { what: 'a duplicate id (same base name)', expect: 'either' });
  put('same-id.md', 'Shelling hit Aleppo.', { what: 'a duplicate id (same base name)', expect: 'either' });
  const records = [
    JSON.stringify({ id: 'good', text: 'Shelling hit Idlib.' }),
    '{"id": "broken", "text": "unterminated',
    JSON.stringify({ id: 'good', text: 'A duplicate id within the file.' }),
    JSON.stringify({ text: 'No id at all: Aleppo.' }),
    JSON.stringify({ id: 42, text: 'A numeric id: Saraqib.' }),
    JSON.stringify({ id: '../../x', text: 'A path-like id: Damascus.' }),
    JSON.stringify({ id: 'no-text' }),
    JSON.stringify(['an', 'array']),
    'null',
    JSON.stringify({ id: 'numeric-text', text: 12 }),
  ];
  put('records.jsonl', `${records.join('\n')}\n`, { what: 'JSONL with malformed lines and odd ids', expect: 'article', ids: ['good', '42', '../../x'], badLines: 6 });
  put('with space.txt', 'Shelling hit Idlib.', { what: 'a space in the name', expect: 'article' });
  put('new\nline.txt', 'Shelling hit Idlib.', { what: 'a newline in the name', expect: 'article' });
  put('ünïcødé 東京.txt', 'Shelling hit Idlib.', { what: 'a unicode name', expect: 'article' });

  // A file that cannot be read. Root reads a chmod-000 file anyway, so there a read that fails
  // for everyone stands in: /proc/self/mem at offset 0 is unmapped (EIO).
  const root = process.getuid?.() === 0;
  if (!root) {
    put('unreadable.txt', 'Shelling hit Idlib.', { what: 'unreadable (chmod 000)', expect: 'skipped' });
    chmodSync(join(dir, 'unreadable.txt'), 0o000);
  } else if (existsSync('/proc/self/mem')) {
    symlinkSync('/proc/self/mem', join(dir, 'unreadable.txt'));
    inputs.push({ path: 'unreadable.txt', what: 'unreadable (read fails: /proc/self/mem, as chmod 000 does not stop root)', expect: 'skipped' });
  } else omitted.push('unreadable file: running as root (chmod 000 does not stop root) and no /proc/self/mem to fail a read');
  symlinkSync('loop.txt', join(dir, 'loop.txt'));
  inputs.push({ path: 'loop.txt', what: 'a symlink to itself', expect: 'skipped' });
  mkdirSync(join(dir, 'looped'));
  writeFileSync(join(dir, 'looped', 'inside.txt'), 'Shelling hit Idlib.');
  inputs.push({ path: 'looped/inside.txt', what: 'a file beside a symlink loop', expect: 'article' });
  symlinkSync('..', join(dir, 'looped', 'back-up'));
  try {
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    inputs.push({ path: 'pipe.txt', what: 'a named pipe (reading it would wait forever)', expect: 'skipped' });
  } catch {
    omitted.push('named pipe: mkfifo is not available');
  }
  const tiny = opts.tinyFiles ?? 10_000;
  mkdirSync(join(dir, 'tiny'));
  for (let i = 0; i < tiny; i += 1) {
    const path = `tiny/t${String(i).padStart(5, '0')}.txt`;
    writeFileSync(join(dir, path), i % 2 ? 'Idlib.' : 'Shelling hit Aleppo.');
    inputs.push({ path, what: 'a tiny file', expect: 'article' });
  }

  const stream = [
    Buffer.from('\ufeff{"id":"bom","text":"Shelling hit Idlib."}\n'),
    Buffer.from('{"id":"crlf","text":"Troops moved near Saraqib."}\r\n'),
    Buffer.from('not json\n'),
    Buffer.from('{"id":"no-text"}\n'),
    Buffer.from('[1,2,3]\n'),
    Buffer.from('null\n'),
    Buffer.from('{"id":"../../x","text":"Talks in Ankara failed."}\n'),
    Buffer.from('{"id":7,"text":"Aleppo."}\n'),
    Buffer.concat([Buffer.from('{"id":"bad-utf8","text":"Caf'), Buffer.from([0xe9, 0xff]), Buffer.from(' in Idlib."}\n')]),
    Buffer.from(Uint8Array.from({ length: 300 }, () => 1 + Math.floor(random() * 255)).map((b) => (b === 10 || b === 13 ? 32 : b))),
    Buffer.from('\n'),
    Buffer.from(`${JSON.stringify({ id: 'long', text: line })}\n`),
    Buffer.from('\n\n'),
    Buffer.from('{"id":"last","text":"Shelling hit Idlib."}'),
  ];
  const geoparseInput = Buffer.concat(stream);
  const geoparseLines = geoparseInput.toString('utf8').split(/\r?\n/).filter((l) => l.trim() !== '').length;
  return { dir, inputs, omitted, geoparseInput, geoparseLines };
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: npx tsx scripts/make-hostile-corpus.ts <folder>\n');
    process.exit(1);
  }
  const corpus = makeHostileCorpus(dir);
  writeFileSync(join(dir, '..', 'hostile-geoparse.jsonl'), corpus.geoparseInput);
  process.stderr.write(`${corpus.inputs.length} inputs in ${dir}, geoparse stream beside it (${corpus.geoparseLines} lines)${corpus.omitted.length ? `; omitted: ${corpus.omitted.join('; ')}` : ''}\n`);
}
