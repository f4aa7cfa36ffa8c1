import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

/** The source files an entry reaches through its static imports, and the packages it names. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const resolve = (from: string, spec: string): string | null => {
    const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
    if (!base) return null;
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
      if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
    }
    throw new Error(`cannot resolve ${spec} from ${from}`);
  };
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    // Type-only imports vanish from the bundle.
    const source = readFileSync(file, 'utf8').replace(/import\s+type\s[^;]+;/g, '');
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3]!;
      const target = resolve(file, spec);
      if (target) visit(target);
      else packages.add(spec);
    }
  };
  visit(path.join(ROOT, entry));
  return { files, packages };
}

describe('what the content script carries', () => {
  const { files, packages } = importGraph('entrypoints/content/index.ts');

  it('reaches the runner and the site adapters (the graph is read right)', () => {
    expect([...files].map((f) => path.relative(ROOT, f))).toEqual(
      expect.arrayContaining(['utils/content/runner.ts', 'utils/sites/trello/adapter.ts', 'utils/model/observation.ts']),
    );
  });

  it('uses zod/mini only: no classic zod, and no English messages (only the background and options show them)', () => {
    expect(packages).toContain('zod/mini');
    expect(packages).not.toContain('zod');
    expect(packages).not.toContain('zod/locales');
    expect([...files].map((f) => path.relative(ROOT, f))).not.toContain('utils/zod-messages.ts');
  });

  it('carries no date-fns locale data (month names are kept in utils/sites/dates/locale-names.ts)', () => {
    expect([...packages].filter((p) => p.startsWith('date-fns/locale'))).toEqual([]);
    // These bring date-fns's English locale (and `format` its token formatter, 17 KB) in with them.
    const withLocale = new Set(['format', 'formatDistance', 'formatRelative', 'formatDuration', 'parse', 'isMatch']);
    const used = [...files].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]date-fns['"]/g)].flatMap((m) =>
        m[1]!.split(',').map((name) => `${path.relative(ROOT, file)}: ${name.trim().split(/\s+as\s+/)[0]}`),
      ),
    );
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((entry) => withLocale.has(entry.split(': ')[1]!))).toEqual([]);
  });

  it('builds no zod schema when it loads: each is made on first use (`lazySchema`, see utils/model/lazy-schema.ts)', () => {
    // A schema made at module level (`const X = z.…`, or a `z.lazy` wrapper, which is itself a zod object) runs zod's
    // code in the script's start-up task.
    const builtAtLoad = [...files].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^(?:export )?const (\w+)(?:: [^=]+)? = (?:z\.|\{[^}]*?z\.lazy\()/gm)].map(
        (m) => `${path.relative(ROOT, file)}: ${m[1]}`,
      ),
    );
    const schemaFiles = [...files].filter((file) => readFileSync(file, 'utf8').includes('lazySchema('));
    expect(schemaFiles.length).toBeGreaterThanOrEqual(6);
    expect(builtAtLoad).toEqual([]);
  });
});

describe('the background', () => {
  it('loads the English messages its replies and logs are written in', () => {
    const { files } = importGraph('entrypoints/background/index.ts');
    expect([...files].map((f) => path.relative(ROOT, f))).toContain('utils/zod-messages.ts');
  });
});
