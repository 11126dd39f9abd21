/**
 * The geoparse JSONL contract: one output line per input article, for evaluation and for batch
 * engines. Offsets are JavaScript string indices into the input text.
 */
import type { ProcessedArticle } from './model.ts';

/** One output line of `npm run geoparse`. */
export interface GeoparseLine {
  id: string;
  published: string | null;
  publishedPrecision: string;
  toponyms: Array<{
    start: number;
    end: number;
    surface: string;
    placeId: string | null;
    name: string | null;
    kind: string | null;
    lat: number | null;
    lon: number | null;
    role: string;
    confidence: number;
  }>;
  events: Array<{
    date: string | null;
    datePrecision: string;
    dateText: string;
    type: string;
    subType: string;
    actors: string[];
    fatalities: number | null;
    places: Array<{ placeId: string; name: string; lat: number; lon: number }>;
    sentenceStart: number;
    sentenceEnd: number;
  }>;
}

/** Shapes a processed article as a geoparse output line. */
export function toGeoparseLine(p: ProcessedArticle): GeoparseLine {
  return {
    id: p.article.id,
    published: p.publication.published,
    publishedPrecision: p.publication.precision,
    toponyms: p.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      surface: m.surface,
      placeId: m.place?.id ?? null,
      name: m.place?.name ?? null,
      kind: m.place?.kind ?? null,
      lat: m.place?.lat ?? null,
      lon: m.place?.lon ?? null,
      role: m.role,
      confidence: m.confidence,
    })),
    events: p.events.map((e) => ({
      date: e.date,
      datePrecision: e.datePrecision,
      dateText: e.dateText,
      type: e.type,
      subType: e.subType,
      actors: e.actors,
      fatalities: e.fatalities,
      places: e.places.map(({ placeId, name, lat, lon }) => ({ placeId, name, lat, lon })),
      sentenceStart: e.sentence.start,
      sentenceEnd: e.sentence.end,
    })),
  };
}
