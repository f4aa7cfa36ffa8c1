/** Seeded pseudo-random numbers, so every Monte Carlo result is reproducible from its seed. */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Box–Muller makes normals in pairs; the second one waits here (NaN when none). */
  spare?: number;
}

/** mulberry32: tiny, fast, good enough for simulation (not for cryptography). */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  return {
    spare: NaN,
    next() {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** The same stream as a plain function, for generators of test data and demos. */
export function seededRandom(seed: number): () => number {
  const rng = createRng(seed);
  return () => rng.next();
}

export function normal(rng: Rng): number {
  if (rng.spare !== undefined && !Number.isNaN(rng.spare)) {
    const z = rng.spare;
    rng.spare = NaN;
    return z;
  }
  // Box–Muller; 1 - u keeps the log argument in (0, 1].
  const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
  const theta = 2 * Math.PI * rng.next();
  if (rng.spare !== undefined) rng.spare = r * Math.sin(theta);
  return r * Math.cos(theta);
}

/** Gamma(shape, 1) by Marsaglia–Tsang, with the usual boost for shape < 1. */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}
