import { seededRandom } from '../../utils/forecast/rng';

/** The project's seeded RNG with fuzzing helpers, so every fuzz case can be replayed from its seed. */
export function seeded(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
export type Rng = ReturnType<typeof seeded>;
