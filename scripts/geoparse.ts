/**
 * `npm run --silent geoparse < in.jsonl > out.jsonl`: the streaming interface. Each input line
 * is `{"id","text","published"?,...}`; each output line follows the geoparse contract
 * (src/core/geoparse-line.ts). Stdout carries JSONL only; problems go to stderr, one line each,
 * so every input line is either in the output or reported. A text over the size bound
 * (src/core/text/bound-article.ts) is read up to it and written, with a warning line on stderr.
 */
import { createInterface } from 'node:readline';
import { processArticle } from '../src/core/process-article.ts';
import { toGeoparseLine } from '../src/core/geoparse-line.ts';
import { parseInputLine } from './lib/input-line.ts';
import { loadResources } from './lib/load-resources.ts';

const resources = await loadResources();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
let lineNumber = 0;
let written = 0;
let rejected = 0;
for await (const line of lines) {
  lineNumber += 1;
  if (line.trim() === '') continue;
  // A byte-order mark opening the stream is encoding, not JSON.
  const parsed = parseInputLine(lineNumber === 1 ? line.replace(/^\ufeff/, '') : line, lineNumber);
  if ('problem' in parsed) {
    rejected += 1;
    process.stderr.write(`geoparse: line ${lineNumber}: ${parsed.problem}\n`);
    continue;
  }
  let out: string;
  try {
    const processed = processArticle(parsed.article, resources);
    // A text cut at the size bound is written, and said to be partial (not a rejected line).
    for (const p of processed.problems) if (p.code === 'article-truncated') process.stderr.write(`geoparse: warning: line ${lineNumber}: ${p.message}\n`);
    out = JSON.stringify(toGeoparseLine(processed));
  } catch (error) {
    // A bug met on one article must not end the stream: one clear line, the next article goes on.
    rejected += 1;
    process.stderr.write(`geoparse: line ${lineNumber}: could not be processed (${(error as Error).message})\n`);
    continue;
  }
  process.stdout.write(`${out}\n`);
  written += 1;
}
process.stderr.write(`geoparse: ${written} articles written, ${rejected} lines rejected\n`);
