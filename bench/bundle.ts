/**
 * Bundle budget (issue #7): each content script's size as built (WXT minifies production builds), and
 * gzipped, against 60 KB. What is in a script over budget is explained in docs/benchmarks.md. The
 * baseline column is the same script gzipped (what travels in the store zip, not what the page parses).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Row } from './row';

export const BUDGET_KB = 60;
const DIR = path.resolve(import.meta.dirname, '../.output/chrome-mv3');

/** The content scripts (the budget's subject) and, for scale, the background. */
export function bundleSizes(): { file: string; kb: number; gzipKb: number }[] {
  const scripts = path.join(DIR, 'content-scripts');
  const files = [
    ...readdirSync(scripts).filter((f) => f.endsWith('.js')).map((f) => path.join(scripts, f)),
    path.join(DIR, 'background.js'),
  ];
  return files.map((f) => ({ file: path.relative(DIR, f), kb: statSync(f).size / 1024, gzipKb: gzipSync(readFileSync(f)).length / 1024 }));
}

export async function runBundleBench(): Promise<Row[]> {
  return bundleSizes().map(({ file, kb, gzipKb }) => ({
    name: `${file} (baseline: gzipped)`,
    ms: kb,
    baselineMs: gzipKb,
    ratio: kb / BUDGET_KB,
    target: `≤ ${BUDGET_KB} KB, else justified in docs/benchmarks.md`,
    pass: kb <= BUDGET_KB,
    unit: 'KB',
    ...(file.startsWith('content-scripts/') ? {} : { target: '(report: not a content script)', pass: true }),
  }));
}
