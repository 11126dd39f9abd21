/**
 * Event features over `events.bin`'s columns (src/core/layers/event-columns.ts), made without
 * parsing: each feature is a row number and a reference to the columns, and its properties are
 * getters that read them. A million of them cost a million small objects at load, not a million
 * parsed GeoJSON features with 22 properties each; only what is read is decoded.
 */
import type { Point } from 'geojson';
import { eventPropertiesAt, type EventColumns } from '../../core/layers/event-columns.ts';
import type { AcledEventType, DatePrecision, GeoPrecision } from '../../core/model.ts';
import { precisionEnd } from './days.ts';
import type { EventFeature, EventProps } from './event-index.ts';

/** An event feature's properties, read from the columns on access. */
class RowProps {
  constructor(
    readonly c: EventColumns,
    readonly row: number,
  ) {}
  get id(): string {
    return this.c.strings.id.get(this.row)!;
  }
  get eventId(): string {
    return this.c.strings.eventId.get(this.row)!;
  }
  get articleId(): string {
    return this.c.strings.articleId.get(this.row)!;
  }
  get date(): string | null {
    return this.c.strings.date.get(this.row);
  }
  get day(): number {
    return this.c.day[this.row];
  }
  get datePrecision(): DatePrecision {
    return this.c.strings.datePrecision.get(this.row) as DatePrecision;
  }
  get dateText(): string {
    return this.c.strings.dateText.get(this.row) ?? '';
  }
  get type(): AcledEventType {
    return this.c.strings.type.get(this.row) as AcledEventType;
  }
  get subType(): string {
    return this.c.strings.subType.get(this.row) ?? '';
  }
  get actors(): string {
    return this.c.strings.actors.get(this.row) ?? '';
  }
  get fatalities(): number | null {
    const f = this.c.fatalities[this.row];
    return f < 0 ? null : f;
  }
  get geoPrecision(): GeoPrecision {
    return this.c.geoPrecision[this.row] as GeoPrecision;
  }
  get placeId(): string {
    return this.c.strings.placeId.get(this.row)!;
  }
  get placeName(): string {
    return this.c.strings.placeName.get(this.row) ?? '';
  }
  get placeInferred(): boolean {
    return this.c.placeInferred[this.row] === 1;
  }
  get sentenceStart(): number {
    return this.c.sentenceStart[this.row];
  }
  get sentenceEnd(): number {
    return this.c.sentenceEnd[this.row];
  }
  get sources(): number | undefined {
    const s = this.c.sources[this.row];
    return s < 0 ? undefined : s;
  }
  get sourceArticles(): string | undefined {
    return this.c.strings.sourceArticles.get(this.row) ?? undefined;
  }
  get dayEnd(): number {
    return dayEndOf(this.c, this.row);
  }
  get approxPlace(): boolean {
    return this.placeInferred || this.geoPrecision > 1;
  }
  get approxDate(): boolean {
    return this.datePrecision !== 'day';
  }
  /** The plain object (what a spread of a GeoJSON feature's properties would give). */
  toJSON(): EventProps {
    const p = eventPropertiesAt(this.c, this.row);
    return { ...p, dayEnd: this.dayEnd, approxPlace: this.approxPlace, approxDate: this.approxDate };
  }
}

/** A feature of the columns: `row` in events.bin. */
export class RowFeature {
  constructor(
    readonly c: EventColumns,
    readonly row: number,
  ) {}
  get type(): 'Feature' {
    return 'Feature';
  }
  get id(): string {
    return this.c.strings.id.get(this.row)!;
  }
  get lon(): number {
    return this.c.lon[this.row];
  }
  get lat(): number {
    return this.c.lat[this.row];
  }
  get geometry(): Point {
    return { type: 'Point', coordinates: [this.c.lon[this.row], this.c.lat[this.row]] };
  }
  /** A fresh view each time (a pass over a million features keeps none of them alive). */
  get properties(): EventProps {
    return new RowProps(this.c, this.row) as unknown as EventProps;
  }
  toJSON(): EventFeature {
    return { type: 'Feature', id: this.id, geometry: this.geometry, properties: (this.properties as unknown as RowProps).toJSON() };
  }
}

/** One feature per row, in the file's order (dated by day first, then the undated). */
export function rowFeatures(c: EventColumns): EventFeature[] {
  const out = new Array<EventFeature>(c.count);
  for (let row = 0; row < c.count; row++) out[row] = new RowFeature(c, row) as unknown as EventFeature;
  return out;
}

/** Last day a row's date covers (see `precisionEnd`); -1 when undated. */
export function dayEndOf(c: EventColumns, row: number): number {
  const day = c.day[row];
  if (day === -1) return -1;
  const precision = c.strings.datePrecision.get(row) as DatePrecision;
  return precision === 'day' ? day : precisionEnd(day, precision);
}

/** The feature's row in the columns, if it is a row feature. */
export function rowOf(f: EventFeature): number {
  return f instanceof RowFeature ? f.row : -1;
}
