/** Parses one line of geoparse/eval JSONL input into a RawArticle, or says why it can't. */
import type { RawArticle } from '../../src/core/model.ts';

/** `{article}` for a good line, `{problem}` (one sentence) for a bad one. */
export function parseInputLine(line: string, lineNumber: number): { article: RawArticle } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null) return { problem: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') return { problem: 'no "text" string' };
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `line-${lineNumber}`;
  const published = typeof record.published === 'string' && /^\d{4}-\d{2}-\d{2}/.test(record.published) ? record.published.slice(0, 10) : undefined;
  const text = (field: string) => (typeof record[field] === 'string' ? (record[field] as string) : undefined);
  return {
    article: {
      id,
      text: record.text,
      meta: {
        ...(published ? { published } : {}),
        ...(text('title') ? { title: text('title') } : {}),
        ...(text('outlet') ? { outlet: text('outlet') } : {}),
        ...(text('author') ? { author: text('author') } : {}),
        ...(text('url') ? { url: text('url') } : {}),
      },
    },
  };
}
