/** "1 event", "2 events", "1,204 articles": a count with its noun (English plural in -s). */
export function countOf(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : `${noun}s`}`;
}
