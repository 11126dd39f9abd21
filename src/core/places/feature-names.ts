/**
 * Interned feature names ("reason:ok", "kind&reason:city&ok"). The recogniser builds about a
 * thousand names an article from a small vocabulary; made once per distinct value, a name costs
 * no string building, and one whose hash V8 has already computed finds its weight at once.
 * Values may be open-ended (a lower-case word), so each table starts again when it grows large.
 */

const MAX_VALUES = 10_000;
const tables = new Map<string, Map<string, string>>();
const pairTables = new Map<string, Map<string, Map<string, string>>>();

/** `${prefix}${value}`, interned. */
export function featureName(prefix: string, value: string): string {
  let table = tables.get(prefix);
  if (!table) tables.set(prefix, (table = new Map()));
  let name = table.get(value);
  if (name === undefined) {
    if (table.size >= MAX_VALUES) table.clear();
    name = prefix + value;
    table.set(value, name);
  }
  return name;
}

/** `${prefix}${a}&${b}`, interned. */
export function featurePair(prefix: string, a: string, b: string): string {
  let byA = pairTables.get(prefix);
  if (!byA) pairTables.set(prefix, (byA = new Map()));
  let table = byA.get(a);
  if (!table) {
    if (byA.size >= MAX_VALUES) byA.clear();
    byA.set(a, (table = new Map()));
  }
  let name = table.get(b);
  if (name === undefined) {
    if (table.size >= MAX_VALUES) table.clear();
    name = `${prefix}${a}&${b}`;
    table.set(b, name);
  }
  return name;
}
