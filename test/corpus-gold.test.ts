/**
 * The reports corpus's gold (test/corpus/reports-gold.json) against its texts: every toponym's
 * offsets cut out its surface, every event's offsets its sentence, the recorded length and hash
 * are the file's, the part is the one `reportSplitOf` gives, each text has its metadata row, and
 * every `cluster` is told by at least two reports (a cluster of one is a typo).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSplitOf } from '../src/core/eval/corpus-split.ts';

const DIR = path.join(import.meta.dirname, 'corpus');
const gold = JSON.parse(readFileSync(path.join(DIR, 'reports-gold.json'), 'utf8')) as Record<string, GoldArticle>;
const metadata = JSON.parse(readFileSync(path.join(DIR, 'reports', 'metadata.json'), 'utf8')) as Record<string, { outlet?: string; url?: string }>;
const files = Object.keys(gold).filter((k) => !k.startsWith('_'));

interface GoldArticle {
  text_length: number;
  text_sha256: string;
  part: string;
  toponyms: Array<{ start: number; end: number; surface: string; literal: boolean; lat: number | null; lon: number | null }>;
  events: Array<{ sentence: string; sentence_start: number; sentence_end: number; cluster?: string | null; date: string | null; type: string }>;
}

const textOf = (file: string) => readFileSync(path.join(DIR, 'reports', file), 'utf8');

describe('reports corpus gold', () => {
  it('annotates every text in the folder, and only those', () => {
    const texts = readdirSync(path.join(DIR, 'reports')).filter((f) => f.endsWith('.txt')).sort();
    expect([...files].sort()).toEqual(texts);
    expect(Object.keys(metadata).sort()).toEqual(texts);
  });

  it.each(files)('%s: offsets, length, hash and part match the text', (file) => {
    const text = textOf(file);
    const g = gold[file];
    expect(g.text_length).toBe(text.length);
    expect(g.text_sha256).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(g.part).toBe(reportSplitOf(file.replace(/\.txt$/, '')));
    const wrongToponyms = g.toponyms.filter((t) => text.slice(t.start, t.end) !== t.surface).map((t) => `${t.start}-${t.end} ${t.surface}`);
    expect(wrongToponyms).toEqual([]);
    const wrongSentences = g.events.filter((e) => text.slice(e.sentence_start, e.sentence_end) !== e.sentence).map((e) => e.sentence.slice(0, 40));
    expect(wrongSentences).toEqual([]);
    expect(g.toponyms.filter((t) => t.literal && (t.lat === null || t.lon === null)).map((t) => t.surface)).toEqual([]);
    expect(metadata[file]?.url).toMatch(/^https?:\/\//);
  });

  it('names each cluster in two reports or more', () => {
    const reports = new Map<string, Set<string>>();
    for (const file of files) for (const e of gold[file].events) if (e.cluster) reports.set(e.cluster, new Set([...(reports.get(e.cluster) ?? []), file]));
    expect([...reports].filter(([, r]) => r.size < 2).map(([c]) => c)).toEqual([]);
  });
});
