import { createRandom } from './synthetic-people';

/**
 * Every generator of the synthetic client file is pure and deterministic per client (index +
 * seed), so the demo looks the same on every machine and a client's data does not depend on batch
 * sizes or on other clients. Each purpose draws from its own stream, so adding a draw to one
 * generator does not shift the values of another.
 */

/** The stream numbers; changing one changes every generated client of that purpose. */
export const STREAM = { particulars: 1, trajectories: 2, dossier: 3, payroll: 4 } as const;

/** A separate random stream per client and purpose. */
export function clientRandom(index: number, seed: number, stream: number): () => number {
  return createRandom((Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(seed, 0x85ebca6b) ^ stream) >>> 0);
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A whole number from `low` to `high`, both included. */
export function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}
