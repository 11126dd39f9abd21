import { describe, expect, it } from 'vitest';
import { errorCurveAuc, evaluate, recognition, resolutionScores } from '../src/core/eval/evaluate.ts';
import { fnv1a, splitOf } from '../src/core/eval/corpus-split.ts';

describe('evaluate', () => {
  it('counts exact and overlapping spans one-to-one', () => {
    const result = evaluate([
      {
        id: 'a',
        gold: [
          { start: 0, end: 5, lat: 0, lon: 0 },
          { start: 10, end: 24, lat: 10, lon: 10 },
          { start: 30, end: 35, lat: 0, lon: 0 },
        ],
        predicted: [
          { start: 0, end: 5, lat: 0, lon: 0 }, // exact
          { start: 10, end: 15, lat: 10, lon: 10 }, // overlap only
          { start: 16, end: 24, lat: 10, lon: 10 }, // overlaps the same gold span: only one may count
          { start: 40, end: 45, lat: 1, lon: 1 }, // spurious
        ],
      },
    ]);
    expect(result.exact).toMatchObject({ truePositives: 1, falsePositives: 3, falseNegatives: 2 });
    expect(result.overlap).toMatchObject({ truePositives: 2, falsePositives: 2, falseNegatives: 1 });
    expect(result.overlap.precision).toBeCloseTo(0.5);
    expect(result.overlap.recall).toBeCloseTo(2 / 3);
    expect(result.missed.map((m) => m.gold.start)).toEqual([30]);
    expect(result.spurious).toHaveLength(2);
  });

  it('measures distance errors and the share within 161 km', () => {
    const r = resolutionScores([0, 100, 200, null]);
    expect(r.count).toBe(3);
    expect(r.within161km).toBeCloseTo(2 / 3);
    expect(r.meanKm).toBeCloseTo(100);
    expect(r.medianKm).toBe(100);
  });

  it('computes the AUC of the error curve as Gritta et al. do', () => {
    expect(errorCurveAuc([0, 0, 0])).toBe(0);
    expect(errorCurveAuc([20038, 20038])).toBeCloseTo(1, 3);
    // Trapezoid over [ln 1, ln 11, ln 101] / (ln 20039 * 2)
    const expected = ((0 + Math.log(11)) / 2 + (Math.log(11) + Math.log(101)) / 2) / (Math.log(20039) * 2);
    expect(errorCurveAuc([0, 10, 100])).toBeCloseTo(expected, 10);
  });

  it('reports per gold role recall and role agreement', () => {
    const result = evaluate([
      {
        id: 'b',
        gold: [
          { start: 0, end: 6, role: 'metonymic' },
          { start: 10, end: 15, role: 'literal' },
          { start: 20, end: 25, role: 'literal' },
        ],
        predicted: [
          { start: 0, end: 6, role: 'metonymic' },
          { start: 10, end: 15, role: 'metonymic' },
        ],
      },
    ]);
    expect(result.byRole.literal).toMatchObject({ gold: 2, recall: 0.5, roleAgreement: 0 });
    expect(result.byRole.metonymic).toMatchObject({ gold: 1, recall: 1, roleAgreement: 1 });
  });

  it('gives zero scores, not NaN, on empty input', () => {
    expect(recognition(0, 0, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(evaluate([]).resolution.count).toBe(0);
  });
});

describe('corpus split', () => {
  it('is a fixed function of the id, about one in five held out', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c); // published FNV-1a test vector
    const ids = Array.from({ length: 2000 }, (_, k) => `doc-${k}`);
    const held = ids.filter((id) => splitOf(id) === 'test').length / ids.length;
    expect(held).toBeGreaterThan(0.17);
    expect(held).toBeLessThan(0.23);
    expect(splitOf('lgl-40450848')).toBe(splitOf('lgl-40450848'));
  });
});
