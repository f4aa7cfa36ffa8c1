import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../utils/forecast');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }));

describe('forecast module purity', () => {
  it('has its modules', () => {
    expect(sources.map((s) => s.f)).toEqual(expect.arrayContaining(['index.ts', 'calendar.ts', 'beta.ts', 'slip.ts', 'plan.ts', 'reliability.ts', 'live.ts', 'chain.ts', 'rng.ts']));
  });

  it('uses no local-time Date API, clock or unseeded randomness (results cannot depend on the time zone)', () => {
    const banned = [
      /\.get(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|TimezoneOffset)\(/,
      /\.set(FullYear|Month|Date|Hours|Minutes|Seconds|Milliseconds)\(/,
      /toLocale\w*\(/,
      /Date\.now\(/,
      /new Date\(\)/,
      /Date\.parse\(/,
      /Math\.random\(/,
      /Intl\./,
    ];
    for (const { f, text } of sources) for (const re of banned) expect(re.test(text), `${f} matches ${re}`).toBe(false);
  });

  it('imports nothing from the browser, WXT, the DOM or date libraries', () => {
    for (const { f, text } of sources) {
      for (const m of text.matchAll(/from\s+'([^']+)'/g)) expect(m[1]!.startsWith('./'), `${f} imports ${m[1]}`).toBe(true);
      expect(/\b(window|document|browser|chrome)\./.test(text), f).toBe(false);
    }
  });
});
