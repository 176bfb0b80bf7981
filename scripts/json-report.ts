// vitest's JSON reporter (the report scripts/test-summary.mjs reads), without its closing "JSON report written to"
// line: `npm test` then ends with vitest's tally (issue 12). Used by `npm run test:unit`, with `--outputFile.json`.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { JsonReporter } from 'vitest/reporters';

/** The JSON reporter, writing the file quietly. A default export, the one house exception: vitest loads a reporter file by it. */
export default class QuietJsonReporter extends JsonReporter {
  constructor() {
    super({});
  }

  override async writeReport(report: string): Promise<void> {
    const configured = this.ctx.config.outputFile as string | Record<string, string> | undefined;
    const file = typeof configured === 'string' ? configured : configured?.json;
    if (!file) throw new Error('Failed to write the JSON report: no output file. Please pass --outputFile.json=<path>.');
    const path = resolve(this.ctx.config.root, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, report, 'utf8');
  }
}
