/** Types for the parts of geojson-validation the project uses (the package ships none). */
declare module 'geojson-validation' {
  /** With `trace`, returns the list of problems (empty when valid); without, a boolean. */
  export function valid(object: unknown, trace: true): string[];
  export function valid(object: unknown, trace?: false): boolean;
  export function isFeatureCollection(object: unknown, trace: true): string[];
  export function isFeatureCollection(object: unknown, trace?: false): boolean;
}
