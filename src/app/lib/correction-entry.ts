/**
 * The corrections the reader offers, as the entries of a corpus's corrections.json
 * (src/core/events/corrections.ts reads them on every ingest). Pure: what the person chose in, the
 * entry out, so the app, the tests and the file agree on one shape.
 */
import type { Correction } from '../../core/events/corrections.ts';
import type { AcledEventType, ArticleRecord } from '../../core/model.ts';

/** What the reader's form gathers. */
export type CorrectionChoice =
  | { kind: 'not-event' }
  | { kind: 'event'; date?: string; type?: AcledEventType }
  | { kind: 'place'; name: string; lat: number; lon: number }
  | { kind: 'separate'; otherEventId: string };

/** The corrections.json entry for a choice about one event, or null when the choice is incomplete. */
export function correctionEntry(eventId: string, choice: CorrectionChoice, article: ArticleRecord | null): Correction | null {
  switch (choice.kind) {
    case 'not-event':
      return { kind: 'not-event', event: eventId };
    case 'event': {
      const entry: Correction = { kind: 'event', event: eventId };
      if (choice.date && /^\d{4}-\d{2}-\d{2}$/.test(choice.date)) Object.assign(entry, { date: choice.date, datePrecision: 'day' });
      if (choice.type) Object.assign(entry, { type: choice.type });
      return Object.keys(entry).length > 2 ? entry : null;
    }
    case 'place': {
      if (!choice.name.trim() || !Number.isFinite(choice.lat) || !Number.isFinite(choice.lon)) return null;
      const place = { name: choice.name.trim(), lat: choice.lat, lon: choice.lon };
      // The event's own place name, when the sentence has one: that mention, and its name everywhere.
      const mention = article?.events.find((e) => e.id === eventId)?.places.find((p) => p.mention)?.mention;
      if (!article || !mention) return null;
      return { kind: 'mention', article: article.id, start: mention.start, end: mention.end, surface: article.text.slice(mention.start, mention.end), place };
    }
    case 'separate':
      return { kind: 'separate', events: [eventId, choice.otherEventId] };
  }
}
