/**
 * A binary logistic-regression model over named sparse features, and its trainer: small enough
 * to ship as JSON, fast to apply (a sum of weights), and rebuilt by the project's own script
 * from the training splits (scripts/train-recogniser.ts). Pure and deterministic: examples are
 * visited in a fixed order derived from a seed, so the same data give the same weights.
 */
import { mulberry32 } from './seeded-random.ts';

/** Weights of a trained model, as shipped in geodata/models/*.json. */
export interface LinearModel {
  /** What the model decides, for people reading the file. */
  task: string;
  /** How it was trained: command, data, options; enough to rebuild it. */
  recipe: Record<string, unknown>;
  /** Score threshold (probability) at and above which the answer is yes. */
  threshold: number;
  /** Feature name → weight; absent features weigh 0. */
  weights: Record<string, number>;
}

/** One training example: its features and whether the answer is yes. */
export interface Example {
  features: string[];
  label: boolean;
}

/** Options of `trainLogistic`. */
export interface TrainOptions {
  /** Passes over the data. */
  epochs: number;
  /** Initial learning rate, decayed as 1/(1 + t/decay). */
  rate: number;
  /** L2 penalty per step. */
  l2: number;
  /** Seed of the example order. */
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 30, rate: 0.2, l2: 1e-5, seed: 1 };

/** Weights as a Map, made once per model: a Map finds a string key faster than a dictionary-mode object. */
const WEIGHT_MAPS = new WeakMap<LinearModel, Map<string, number>>();

/** The model's weights as a Map (cached; the weights of a model are never changed after use). */
export function weightMap(model: LinearModel): Map<string, number> {
  let map = WEIGHT_MAPS.get(model);
  if (!map) {
    map = new Map(Object.entries(model.weights));
    WEIGHT_MAPS.set(model, map);
  }
  return map;
}

/** Probability that the answer is yes. */
export function probability(model: LinearModel, features: readonly string[]): number {
  return logistic(score(weightMap(model), features));
}

/** Sum of the weights of the features (absent ones weigh 0), in the features' order. */
export function score(weights: ReadonlyMap<string, number>, features: readonly string[]): number {
  let z = 0;
  for (let i = 0; i < features.length; i += 1) {
    const v = weights.get(features[i]);
    if (v !== undefined) z += v;
  }
  return z;
}

/** The logistic function. */
export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Logistic regression by stochastic gradient descent with averaged weights (averaging makes
 * the result insensitive to the last few examples seen). Returns weights rounded to 4 decimals,
 * features whose weight rounds to 0 dropped.
 */
export function trainLogistic(examples: Example[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): Record<string, number> {
  const index = new Map<string, number>();
  const encoded = examples.map((e) => ({
    ids: [...new Set(e.features)].map((f) => index.get(f) ?? (index.set(f, index.size), index.size - 1)),
    y: e.label ? 1 : 0,
  }));
  const w = new Float64Array(index.size);
  // Averaging without summing every weight at every step: u accumulates step × update, and
  // the average is w − u / steps (Daumé's trick).
  const u = new Float64Array(index.size);
  const random = mulberry32(options.seed);
  const order = encoded.map((_, k) => k);
  let t = 1;
  const decay = Math.max(1, encoded.length);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffle(order, random);
    for (const k of order) {
      const { ids, y } = encoded[k];
      let z = 0;
      for (const id of ids) z += w[id];
      const p = 1 / (1 + Math.exp(-z));
      const rate = options.rate / (1 + (t - 1) / decay);
      const g = rate * (y - p);
      for (const id of ids) {
        // L2 shrinks the weights in play (lazily: an absent feature is not shrunk).
        const delta = g - rate * options.l2 * w[id];
        w[id] += delta;
        u[id] += t * delta;
      }
      t += 1;
    }
  }
  const weights: Record<string, number> = {};
  const names = [...index.keys()].sort();
  for (const name of names) {
    const id = index.get(name)!;
    const v = Math.round((w[id] - u[id] / t) * 1e4) / 1e4;
    if (v !== 0) weights[name] = v;
  }
  return weights;
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
}
