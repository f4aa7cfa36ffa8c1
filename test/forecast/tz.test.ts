import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const run = (tz: string) =>
  execFileSync(join(root, 'node_modules/.bin/tsx'), [join(__dirname, 'tz-fixture.ts')], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('time-zone independence', () => {
  it('gives identical results in far-apart time zones across DST switches', () => {
    const a = run('Pacific/Kiritimati'); // UTC+14
    const b = run('America/Adak'); // UTC−10/−9 with DST
    expect(a.length).toBeGreaterThan(100);
    expect(b).toBe(a);
  }, 60_000);
});
