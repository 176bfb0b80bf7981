// Writes the `ts test` blocks of docs/guide/*.md to .tmp/guide-types/ and a tsconfig that checks them together with
// the project, their `gatewaykit/*` imports pointed at the sources. `npm run typecheck` runs tsc on that config: one
// program for the project and every snippet, instead of a program per guide inside the test run (issue 9).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATEWAYKIT_SOURCES, guideSnippets } from '../test/support/snippets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.tmp', 'guide-types');

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const files = guideSnippets(ROOT).map(({ file, code }) => {
  writeFileSync(join(OUT, file), code);
  return join(OUT, file);
});
const project = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] };
const config = {
  extends: join(ROOT, 'tsconfig.json'),
  compilerOptions: { noEmit: true, paths: Object.fromEntries(GATEWAYKIT_SOURCES.map(([name, path]) => [name, [join(ROOT, path)]])) },
  include: project.include.map((pattern) => join(ROOT, pattern)),
  files,
};
writeFileSync(join(OUT, 'tsconfig.json'), JSON.stringify(config, null, 2));
console.log(`guide-types: ${files.length} snippets of docs/guide/ written to .tmp/guide-types/`);
