/**
 * Joint nearness on hand-made toponyms: the coherent reading of a name lies near some reading of
 * another name; a state holds its towns; a government ("Washington said") anchors nothing.
 */
import { describe, expect, it } from 'vitest';
import { jointNearness, within } from '../src/core/places/joint-nearness.ts';
import type { Candidate, Place, PlaceKind, Role, Toponym } from '../src/core/model.ts';

function place(id: string, kind: PlaceKind, lat: number, lon: number, admin1: string): Place {
  return { id, name: id, kind, lat, lon, countryCode: admin1.slice(0, 2), admin1, population: 1000, featureCode: kind === 'admin1' ? 'ADM1' : 'PPL', source: 'geonames' };
}
function toponym(surface: string, places: Place[], role: Role = 'literal'): Toponym {
  const candidates: Candidate[] = places.map((p) => ({ place: p, match: 'exact' }));
  return { start: 0, end: surface.length, surface, sentence: 0, role, candidates, recognition: 1 };
}

const palestineWestBank = place('ps', 'region', 31.9, 35.2, 'PS.00');
const palestineTexas = place('palestine-tx', 'town', 31.762, -95.631, 'US.TX');
const andersonSC = place('anderson-sc', 'admin2', 34.52, -82.64, 'US.SC');
const andersonTX = place('anderson-tx', 'admin2', 31.81, -95.65, 'US.TX');

describe('jointNearness', () => {
  it('finds the coherent pair even when each name first means something else', () => {
    const names = [toponym('Palestine', [palestineWestBank, palestineTexas]), toponym('Anderson County', [andersonSC, andersonTX])];
    const joint = jointNearness(names, ['palestine', 'anderson county'], 40);
    const [westBank, texas] = joint.get(names[0].candidates)!.nearness;
    const [sc, tx] = joint.get(names[1].candidates)!.nearness;
    expect(westBank).toBe(0); // a region is too large to be near anything
    expect(texas).toBeGreaterThan(0.2);
    expect(tx).toBeGreaterThan(0.2);
    expect(sc).toBeLessThan(tx);
  });

  it('counts a state and a town inside it as together', () => {
    const georgiaState = place('ga', 'admin1', 32.75, -83.5, 'US.GA');
    const georgiaCountry = place('ge', 'admin1', 42, 43.5, 'GE.00');
    const names = [toponym('Georgia', [georgiaState, georgiaCountry]), toponym('Athens', [place('athens-ga', 'town', 33.96, -83.38, 'US.GA')])];
    const { nearness: [state, country], lead } = jointNearness(names, ['georgia', 'athens'], 40).get(names[0].candidates)!;
    expect(state).toBe(1);
    expect(country).toBeLessThan(1e-6);
    expect(lead[0]).toBeCloseTo(1 - country, 6);
    expect(lead[1]).toBe(0);
    expect(within(georgiaState, names[1].candidates[0].place)).toBe(true);
  });

  it('lets no metonymic use anchor, and never a name with itself', () => {
    const names = [toponym('Palestine', [palestineWestBank, palestineTexas]), toponym('Anderson County', [andersonSC, andersonTX], 'metonymic')];
    const joint = jointNearness(names, ['palestine', 'anderson county'], 40);
    expect(joint.get(names[0].candidates)).toEqual({ nearness: [0, 0], lead: [0, 0] });
    expect(joint.has(names[1].candidates)).toBe(false);
  });

  it('does not change its input', () => {
    const names = [toponym('Palestine', [palestineWestBank, palestineTexas]), toponym('Anderson County', [andersonSC, andersonTX])];
    const before = JSON.stringify(names);
    jointNearness(names, ['palestine', 'anderson county'], 40);
    expect(JSON.stringify(names)).toBe(before);
  });
});
