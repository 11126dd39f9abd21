/**
 * Splits an article's text into runs for the reader. Article text is untrusted, so the reader
 * never parses it as HTML: it renders each run as a text node inside a span whose class says
 * what the run is (boilerplate, an event sentence, the selected sentence, a place mention).
 * Overlaps are resolved by cutting at every boundary, so a mention inside the highlighted
 * sentence is both.
 */
import type { BoilerplateKind, Role, Span } from '../../core/model.ts';
import type { InlineKind, Markup } from './markup.ts';

/** A mention as the reader needs it. */
export interface SegmentMention extends Span {
  role: Role;
  placeId: string | null;
}

/** What to mark in the text. */
export interface SegmentMarks {
  boilerplate: Array<Span & { kind: BoilerplateKind }>;
  /** Sentences that carry an event (marked lightly, clickable). */
  eventSentences: Span[];
  /** The sentence to highlight, if any. */
  selected: Span | null;
  mentions: SegmentMention[];
  /** A mention to emphasise (the one the user clicked on the map). */
  selectedMention?: Span | null;
  /** The text's markup: runs cut at its blocks, syntax marked hidden, styles listed. */
  markup?: Markup;
}

/** A run of text with uniform marks; `start`/`end` index the original text. */
export interface TextSegment extends Span {
  boilerplate: BoilerplateKind | null;
  /** Index into `eventSentences` of the event sentence containing the run, or -1. */
  eventSentence: number;
  selected: boolean;
  /** Index into `mentions`, or -1. */
  mention: number;
  selectedMention: boolean;
  /** Markup syntax (`**`, `# `, `](url)`): left out of the rendered text. */
  hidden: boolean;
  /** Inline styles the run is inside, outermost first. */
  styles: InlineKind[];
  /** Target of the link the run is inside, as written (null when none). */
  href: string | null;
}

/** Cuts `[0, length)` at every mark boundary and labels each run. Spans outside the text are clipped. */
export function segmentText(length: number, marks: SegmentMarks): TextSegment[] {
  const clip = (s: Span): Span | null => {
    const start = Math.max(0, Math.min(length, s.start));
    const end = Math.max(0, Math.min(length, s.end));
    return end > start ? { start, end } : null;
  };
  const cuts = new Set<number>([0, length]);
  const all: Span[] = [
    ...marks.boilerplate,
    ...marks.eventSentences,
    ...marks.mentions,
    ...(marks.selected ? [marks.selected] : []),
    ...(marks.selectedMention ? [marks.selectedMention] : []),
    ...(marks.markup ? [...marks.markup.blocks, ...marks.markup.hidden, ...marks.markup.styles] : []),
  ];
  for (const s of all) {
    const c = clip(s);
    if (c) cuts.add(c.start).add(c.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const inside = (s: Span | null | undefined, a: number) => !!s && s.start <= a && a < s.end;
  const styles = marks.markup?.styles ?? [];
  const out: TextSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    out.push({
      start,
      end,
      boilerplate: marks.boilerplate.find((b) => inside(b, start))?.kind ?? null,
      eventSentence: marks.eventSentences.findIndex((s) => inside(s, start)),
      selected: inside(marks.selected, start),
      mention: marks.mentions.findIndex((m) => inside(m, start)),
      selectedMention: inside(marks.selectedMention, start),
      hidden: !!marks.markup?.hidden.some((h) => inside(h, start)),
      styles: styles.filter((st) => inside(st, start)).map((st) => st.kind),
      href: styles.find((st) => st.kind === 'link' && inside(st, start))?.href ?? null,
    });
  }
  return out;
}
