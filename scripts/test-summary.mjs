// Prints the suite's closing line in the plain form CI reads: "tests: N passed, N failed, N skipped", over every
// vitest run CI made (the suites of `npm test`, and the browser tests where they ran).
import { existsSync, readFileSync } from 'node:fs';

const reports = ['vitest.json', 'vitest-browser.json']
  .map((name) => new URL(`../.tmp/${name}`, import.meta.url))
  .filter((file) => existsSync(file))
  .map((file) => JSON.parse(readFileSync(file, 'utf8')));
if (reports.length === 0) throw new Error('Failed to summarise the tests: no .tmp/vitest*.json report. Please run npm test first.');
const sum = (count) => reports.reduce((total, report) => total + count(report), 0);
const skipped = sum((r) => r.numPendingTests + r.numTodoTests);
console.log(`tests: ${sum((r) => r.numPassedTests)} passed, ${sum((r) => r.numFailedTests)} failed, ${skipped} skipped`);
