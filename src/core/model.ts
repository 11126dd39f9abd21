/**
 * The data model of the conflict map: every type that crosses a module boundary is declared
 * here, once, field by field. Core modules (src/core) are pure: they take and return these
 * values and never touch the file system, the DOM, the clock or the network.
 *
 * Offsets: every `start`/`end` is a JavaScript string index (UTF-16 code units) into the
 * article's `text` exactly as given to the pipeline, `end` exclusive.
 */

/** A half-open character range `[start, end)` in an article's text. */
export interface Span {
  start: number;
  end: number;
}

/** A problem found while processing input: errors are data, not exceptions. */
export interface Problem {
  /** Stable machine-readable code, e.g. `empty-file`, `invalid-utf8`, `duplicate-id`. */
  code: string;
  /** One human-readable sentence saying what is wrong and what was done about it. */
  message: string;
  /** Severity: `error` means the article was skipped; `warning` means it was kept. */
  severity: 'error' | 'warning';
  /** Source file (relative path) the problem comes from, when known. */
  file?: string;
  /** Article id, when the problem concerns one article. */
  articleId?: string;
  /** Where in the text, when the problem concerns a passage. */
  span?: Span;
}

// ---------------------------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------------------------

/** How precisely a date is known. `approximate` = inferred, not stated (e.g. from world knowledge). */
export type DatePrecision = 'day' | 'week' | 'month' | 'year' | 'approximate' | 'unknown';

/** Where a publication date came from. */
export type PublishedSource = 'metadata' | 'dateline' | 'content' | 'none';

/** An article as read from a file, before any processing. */
export interface RawArticle {
  /** Stable id: from JSONL/front matter when given, else derived from the file name. */
  id: string;
  /** The article text exactly as given (HTML: the extracted text). All spans refer to it. */
  text: string;
  /** Relative path of the source file. */
  file?: string;
  /** Metadata supplied with the article (front matter, JSONL fields, metadata file). */
  meta: ArticleMeta;
}

/** Bibliographic metadata; every field optional because users bring bare text. */
export interface ArticleMeta {
  title?: string;
  outlet?: string;
  author?: string;
  url?: string;
  /** ISO date (YYYY-MM-DD) when supplied with the article. */
  published?: string;
  /** Precision of a supplied `published`; defaults to `day`. */
  publishedPrecision?: DatePrecision;
  /** Why a supplied date is what it is (e.g. the reasoning behind an approximate date). */
  publishedNote?: string;
  /** Source licence/credit line, shown in the reader. */
  credit?: string;
}

/** Kinds of non-article text recognised by the cleaner. */
export type BoilerplateKind =
  | 'byline'
  | 'dateline'
  | 'navigation'
  | 'share'
  | 'copyright'
  | 'disclaimer'
  | 'advertisement'
  | 'image-credit'
  | 'related'
  | 'title'
  | 'other';

/** A passage that is not the article's own content. Excluded from place and event finding. */
export interface BoilerplateSpan extends Span {
  kind: BoilerplateKind;
}

/** A sentence of content text. */
export interface Sentence extends Span {
  /** Index of the paragraph the sentence is in (blank-line separated), for context windows. */
  paragraph: number;
}

/** The result of cleaning: the text unchanged, plus what is content and where sentences are. */
export interface CleanedArticle extends RawArticle {
  /** Title: from metadata, else the first heading-like line. */
  title: string;
  boilerplate: BoilerplateSpan[];
  /** Content sentences only (boilerplate excluded), in text order. */
  sentences: Sentence[];
}

// ---------------------------------------------------------------------------------------------
// Places and the gazetteer
// ---------------------------------------------------------------------------------------------

export type PlaceKind =
  | 'continent'
  | 'country'
  | 'admin1'
  | 'admin2'
  | 'city'
  | 'town'
  | 'village'
  | 'region'
  | 'road'
  | 'water'
  | 'site';

/** Which layer of the gazetteer a place comes from. */
export type PlaceSource = 'geonames' | 'natural-earth' | 'world-countries' | 'curated' | 'us-census' | 'airports';

/** A place record of the gazetteer. Ids are stable: `geonames:170063`, `curated:nayrab-idlib`. */
export interface Place {
  id: string;
  /** Canonical English name. */
  name: string;
  kind: PlaceKind;
  /** Representative point (for lines and areas: a point on or inside them). */
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2 country code ('' for places spanning several countries). */
  countryCode: string;
  /** Admin-1 code as GeoNames gives it (`SY.09` style: country + '.' + code), when known. */
  admin1?: string;
  population: number;
  /** GeoNames feature code (PPLA, ADM1, PCLI…) or a curated equivalent. */
  featureCode: string;
  source: PlaceSource;
  /** For curated places: where the data comes from (URL or citation). */
  sourceNote?: string;
  /** True when coordinates are approximate (curated waypoints, region centres). */
  approximate?: boolean;
  /** Whether a line or polygon geometry exists for this place (see Gazetteer.geometry). */
  hasGeometry?: boolean;
}

/** A candidate place for a name, with how the name matched. */
export interface Candidate {
  place: Place;
  /** `exact`: normalised name equal; `loose`: equal after the spelling skeleton; `demonym`. */
  match: 'exact' | 'loose' | 'demonym';
}

// ---------------------------------------------------------------------------------------------
// Mentions
// ---------------------------------------------------------------------------------------------

/**
 * The role a place name plays in its sentence. `embedded`: inside an organisation's or an
 * event's name ("Ohio State University", "Dublin City Council"), where it locates the
 * organisation, not what the sentence reports.
 */
export type Role = 'literal' | 'metonymic' | 'adjectival' | 'embedded';

/** How precisely a mention's coordinates locate it (ACLED: 1 town, 2 near a town/part of region, 3 region+). */
export type GeoPrecision = 1 | 2 | 3;

/** A place name found in an article, resolved (or not) to a gazetteer place. */
export interface Mention extends Span {
  articleId: string;
  /** The text exactly as it appears: `text.slice(start, end)`. */
  surface: string;
  role: Role;
  /** The resolved place, or null when no candidate was good enough. */
  place: Place | null;
  /**
   * For a place the gazetteer lacks that a settlement phrase names ("the village of Joubas",
   * "Zamzam camp"): the known place it lies in or near, where its events are drawn.
   */
  near?: Place;
  /** 0..1: how sure we are of both the recognition and the resolution. */
  confidence: number;
  geoPrecision: GeoPrecision;
  /** Index into the article's sentences. */
  sentence: number;
}

/** A place name recognised in text, before resolution: the recogniser's output. */
export interface Toponym extends Span {
  /** `text.slice(start, end)`. */
  surface: string;
  /** Index into the article's sentences. */
  sentence: number;
  role: Role;
  /** Gazetteer candidates for the name, best prior first. */
  candidates: Candidate[];
  /** 0..1: how sure the recogniser is that this is a place name at all. */
  recognition: number;
  /** A feature word that follows the name and says its kind ('Province', 'County', 'highway'). */
  kindHint?: PlaceKind;
  /** Named by a settlement phrase ("the village of X", "X camp"): a place even if the gazetteer lacks it. */
  settlement?: boolean;
  /** The place of a wire dateline ("PESHAWAR: …"): where the story was filed, not where it happened. */
  dateline?: boolean;
  /**
   * The text puts it near what follows ("Saraqib near Idlib"): its reading should lie close to
   * that place; `settlement` when the text also calls it a village or town ("the village of
   * Otradnoye near Belgorod"), so that a reading far away is a namesake.
   */
  saidNear?: 'place' | 'settlement';
}

// ---------------------------------------------------------------------------------------------
// Dates and events
// ---------------------------------------------------------------------------------------------

/** A resolved date with its evidence. */
export interface ResolvedDate {
  /** ISO date YYYY-MM-DD: the day, or the first day of the week/month/year. */
  date: string;
  precision: DatePrecision;
  /** The words the date came from, and where. */
  text: string;
  span?: Span;
}

/** The publication date of an article and how it was found. */
export interface Publication {
  /** ISO date or null when undated. Never today's date by default. */
  published: string | null;
  precision: DatePrecision;
  source: PublishedSource;
  /** Human-readable evidence: the dateline, the metadata field, the dates it was inferred from. */
  evidence: string;
  span?: Span;
}

/** A temporal expression in content text, resolved against the publication date. */
export interface TemporalExpression extends Span {
  text: string;
  /** Null when no reference date allows resolution (undated article, relative phrase). */
  date: string | null;
  precision: DatePrecision;
  /** Last day (ISO) of a range such as '3-5 March 2020' (then `date` is its first day); absent otherwise. */
  endDate?: string;
}

export type AcledEventType =
  | 'Battles'
  | 'Explosions/Remote violence'
  | 'Violence against civilians'
  | 'Protests'
  | 'Riots'
  | 'Strategic developments';

/** A place where an event happened. */
export interface EventPlace {
  placeId: string;
  name: string;
  lat: number;
  lon: number;
  /** Span of the mention the place came from; absent when inferred from the article's theatre. */
  mention?: Span;
  /** True when the sentence names no place and the article's main theatre was used. */
  inferred: boolean;
  /**
   * The name the sentence gives when the gazetteer lacks it ("Joubas"): the event is drawn at
   * this place, the known one it lies in or near, at geo precision 2 or 3.
   */
  unresolvedName?: string;
  /**
   * "40 miles northwest of Kismayo": the event is drawn that far from the named place on that
   * bearing (`lat`/`lon` are the moved point), at geo precision 2.
   */
  offset?: { km: number; bearing: number; text: string };
}

/** A dated real-world event reported by an article. */
export interface ConflictEvent {
  /** Stable id: `${articleId}#${sentenceStart}` plus a suffix when a sentence yields several. */
  id: string;
  articleId: string;
  /** The sentence the event was read from. */
  sentence: Span;
  /** Later sentences of the same article that retell this incident (folded in, see event-restatements.ts). */
  alsoIn?: Span[];
  /** ISO date or null when it could not be resolved (kept, marked). */
  date: string | null;
  datePrecision: DatePrecision;
  /** The phrase the date came from ('' when the publication date was used). */
  dateText: string;
  dateSpan?: Span;
  type: AcledEventType;
  subType: string;
  /** Actors as ACLED names them: 'Military Forces of Turkey', 'Military Forces of Syria'… */
  actors: string[];
  /** Number killed when the text gives one, else null. */
  fatalities: number | null;
  places: EventPlace[];
  geoPrecision: GeoPrecision;
  /** The words that triggered the event classification. */
  trigger: string;
}

/** One report of an event told by several (merge-events.ts): who told it, where, and what it claimed. */
export interface EventSource {
  /** The report's own event id (`${articleId}#${sentenceStart}`). */
  eventId: string;
  articleId: string;
  /** The article's outlet, when known. */
  outlet: string | null;
  /** The sentence the report was read from. */
  sentence: Span;
  date: string | null;
  datePrecision: DatePrecision;
  type: AcledEventType;
  subType: string;
  actors: string[];
  /** The figure this report gives, or null. */
  fatalities: number | null;
  /** The names of its places. */
  places: string[];
}

/** A field on which the reports of one event differ, each value with the reports that give it. */
export interface EventClaim {
  field: 'fatalities' | 'date' | 'subType' | 'actors' | 'place';
  values: Array<{ value: string; eventIds: string[] }>;
}

/** Several reports merged into one event. */
export interface EventMerge {
  /** The merged event's id: its lead report's event id. */
  id: string;
  /** Every report, the lead first. */
  sources: EventSource[];
  /** The lowest pair score of the lead with another report (see merge-events.ts for the rule). */
  score: number;
  /** Why each other report was joined to the lead: `${eventId}: same day, both at Kidal, …`. */
  reasons: string[];
  /** True when a correction ("these two events are one") joined them. */
  corrected?: boolean;
  /** Where the reports differ (fatalities 5 vs 8, who fought). */
  claims: EventClaim[];
  /** How the map's figure is chosen among the claims: 'the lowest figure stated (ACLED)'. */
  fatalitiesRule: string;
}

// ---------------------------------------------------------------------------------------------
// Pipeline output
// ---------------------------------------------------------------------------------------------

/** Everything the pipeline produced for one article. */
export interface ProcessedArticle {
  article: CleanedArticle;
  publication: Publication;
  mentions: Mention[];
  /** Names recognised as places but not resolved: surface and span. */
  unresolved: Array<Span & { surface: string }>;
  temporal: TemporalExpression[];
  events: ConflictEvent[];
  problems: Problem[];
}

/** One article as written to `public/data/articles.json` for the app. */
export interface ArticleRecord {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  published: string | null;
  publishedPrecision: DatePrecision;
  publishedSource: PublishedSource;
  publishedEvidence: string;
  /** Integer day number of `published` (days since 1970-01-01), null when undated. */
  publishedDay: number | null;
  credit: string | null;
  text: string;
  boilerplate: BoilerplateSpan[];
  sentences: Span[];
  mentions: Array<Span & { surface: string; role: Role; placeId: string | null; confidence: number }>;
  events: ConflictEvent[];
}

/** The `articles.json` file. */
export interface ArticlesFile {
  generated: { tool: string; articles: number };
  articles: ArticleRecord[];
  /** Every place referenced by mentions and events, by id. */
  places: Record<string, Place>;
  /** Events told by several reports, by merged event id (absent in files of older runs). */
  merges?: EventMerge[];
}

/** Properties of a feature of `events.geojson`: one feature per event and place. */
export interface EventFeatureProperties {
  /** `${event.id}@${placeId}` — stable. */
  id: string;
  eventId: string;
  articleId: string;
  /** ISO date or null. */
  date: string | null;
  /** Integer days since 1970-01-01 (UTC), or -1 when undated. Filters and the slider use it. */
  day: number;
  datePrecision: DatePrecision;
  dateText: string;
  type: AcledEventType;
  subType: string;
  /** Actors joined with '; ' (GeoJSON viewers cannot show arrays well). */
  actors: string;
  fatalities: number | null;
  geoPrecision: GeoPrecision;
  placeId: string;
  placeName: string;
  /** True when the place was inferred from the article's theatre, not named in the sentence. */
  placeInferred: boolean;
  sentenceStart: number;
  sentenceEnd: number;
  /** How many reports tell this event (1 unless merged; see `ArticlesFile.merges`). Absent in older runs. */
  sources?: number;
  /** The articles of those reports, joined with '; ' (the lead's first). */
  sourceArticles?: string;
}

/** Properties of a feature of `mentions.geojson`: one feature per resolved mention. */
export interface MentionFeatureProperties {
  /** `${articleId}:${start}` — stable. */
  id: string;
  articleId: string;
  placeId: string;
  placeName: string;
  kind: PlaceKind;
  surface: string;
  role: Role;
  confidence: number;
  start: number;
  end: number;
  /** The article's publication date (ISO) and day number (-1 when undated). */
  date: string | null;
  day: number;
}

/** Properties of a feature of `areas.geojson` (Polygon/MultiPolygon) or `routes.geojson` (LineString). */
export interface ShapeFeatureProperties {
  /** The place id. */
  id: string;
  name: string;
  kind: PlaceKind;
  /** How many mentions across the corpus name it. */
  mentions: number;
  /** Ids of the articles that name it. */
  articleIds: string[];
  approximate: boolean;
  source: string;
}

/** `report.json`: what a run did. Nothing is dropped silently. */
export interface RunReport {
  articlesRead: number;
  articlesWritten: number;
  skipped: Array<{ file: string; articleId?: string; code: string; reason: string }>;
  problems: Problem[];
  mentions: number;
  /** Events read, one per report. */
  events: number;
  /** Distinct events after merging the reports of one event (what the map shows). */
  distinctEvents?: number;
  /** The corrections file the run read, or would read (the app's "correct this" writes there). */
  correctionsFile?: string;
  /** How many valid corrections it holds. */
  corrections?: number;
  /** Names recognised but not placed, with counts. */
  unresolved: Array<{ surface: string; count: number; articleIds: string[] }>;
  undatedArticles: string[];
}

// ---------------------------------------------------------------------------------------------
// Basemap
// ---------------------------------------------------------------------------------------------

/** A longitude/latitude box `[west, south, east, north]` in degrees (RFC 7946 bbox order). */
export type BBox = [number, number, number, number];

/** Natural Earth scale of the boundary data: `10m` is the most detailed, `110m` the coarsest. */
export type BasemapDetail = '10m' | '50m' | '110m';

/** Where the basemap carries detail, and how much: computed from the data layers' extents. */
export interface BasemapExtent {
  /** The detailed region (padded, snapped to whole degrees), or null for a world-only basemap. */
  bbox: BBox | null;
  /** Natural Earth scale used inside `bbox` (`110m` when `bbox` is null). */
  detail: BasemapDetail;
  /** The data's own extent before padding (outliers trimmed), or null when there is no data. */
  core: BBox | null;
  /** Which layer(s) the core came from, e.g. `events+areas`, or `none`. */
  basis: string;
  /** How many features the core was computed from. */
  samples: number;
}
