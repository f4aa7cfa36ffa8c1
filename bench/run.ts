/**
 * `npm run bench`: every benchmark, each against a baseline measured in the same run, printed as a
 * table of times and ratios. Targets are checked here, not in unit tests: a slow machine makes a
 * benchmark slower, never a test red.
 */
import { runBoardBench } from './board';
import { runBundleBench } from './bundle';
import { runForecastSpeedBench } from './forecast-speed';
import { runPopupBench } from './popup';
import type { Row } from './row';
import { runStoreBench } from './store';

function print(title: string, rows: Row[]): void {
  console.log(`\n## ${title}\n`);
  console.log('| case | measured | baseline | ratio | target | |');
  console.log('|---|---:|---:|---:|---|---|');
  for (const r of rows) {
    const unit = r.unit ?? 'ms';
    console.log(`| ${r.name} | ${r.ms.toFixed(2)} ${unit} | ${r.baselineMs.toFixed(2)} ${unit} | ${r.ratio.toFixed(2)} | ${r.target} | ${r.pass ? 'ok' : 'MISS'} |`);
  }
}

const sections: [string, () => Promise<Row[]>][] = [
  ['Forecasting core', runForecastSpeedBench],
  ['History store (Node, fake-indexeddb)', runStoreBench],
  ['Popup in Chromium with the built extension', runPopupBench],
  ['Big boards in Chromium with the built extension (floor: a page script that only tags each card)', runBoardBench],
  ['Bundle budget (.output/chrome-mv3, minified)', runBundleBench],
];
let failed = 0;
for (const [title, run] of sections) {
  const rows = await run();
  print(title, rows);
  failed += rows.filter((r) => !r.pass).length;
}
console.log(`\n${failed === 0 ? 'All targets met.' : `${failed} target(s) missed.`}`);
