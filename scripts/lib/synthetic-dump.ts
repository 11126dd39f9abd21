/**
 * A seeded synthetic GeoNames country dump in the 19-column export/dump format, for the
 * gazetteer load bench: what one added country costs. Every row is of a kind the dump layer
 * keeps (a real country dump also holds mountains, farms and the like, which it leaves out), with
 * made-up romanised names and 0–4 alternate names each, as GeoNames rows have. Same seed, same file.
 */
import { mulberry32 } from '../../src/core/common/seeded-random.ts';

/** Share of rows by feature class and code: mostly villages, as in a rural country's dump. */
const MIX: ReadonlyArray<[number, string, string]> = [
  [0.66, 'P', 'PPL'], [0.1, 'H', 'STM'], [0.04, 'H', 'LK'], [0.01, 'H', 'BAY'], [0.05, 'A', 'ADM2'], [0.02, 'A', 'ADM3'],
  [0.04, 'S', 'CMPRF'], [0.02, 'S', 'AIRF'], [0.03, 'S', 'HSP'], [0.03, 'S', 'MILB'],
];
const SYLLABLES = 'al ab ba bi da dar el fa ha hi ja ka kha ku la ma mi na nu qa ra ri sa sha ta tu wa ya za zu ar in um'.split(' ');
/** geonameids from here on: clear of the real ones in cities500. */
const FIRST_ID = 90_000_000;

/** `n` dump lines (no trailing newline), in a 10° box, country code `cc`. */
export function syntheticDumpLines(n: number, cc = 'XX', seed = 7): string[] {
  const rand = mulberry32(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const word = () => {
    let w = '';
    for (let k = 2 + Math.floor(rand() * 2); k > 0; k--) w += pick(SYLLABLES);
    return w[0].toUpperCase() + w.slice(1);
  };
  const name = () => (rand() < 0.3 ? `${word()} ${word()}` : word());
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    let r = rand();
    let [, fclass, fcode] = MIX[MIX.length - 1];
    for (const [share, c, f] of MIX) {
      if (r < share) { fclass = c; fcode = f; break; }
      r -= share;
    }
    const primary = name();
    const alternates = Array.from({ length: Math.floor(rand() * 5) }, name);
    const lat = (10 + rand() * 10).toFixed(5);
    const lon = (20 + rand() * 10).toFixed(5);
    const population = fclass === 'P' && rand() < 0.1 ? String(Math.floor(rand() * 5000)) : '0';
    lines.push([
      FIRST_ID + i, primary, primary, alternates.join(','), lat, lon, fclass, fcode, cc, '', '01', '', '', '', population, '', '500', 'Africa/Khartoum', '2024-01-01',
    ].join('\t'));
  }
  return lines;
}
