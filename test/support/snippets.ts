/**
 * The executable blocks of a guide in docs/guide/: fenced blocks tagged `ts test`. Read by the guide tests, which
 * run them (test/support/guide.ts), and by `npm run typecheck`, which type-checks them (scripts/guide-types.ts).
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `ts test` block: the `##` section it sits in, the line of its opening fence, its code. */
export interface Snippet {
  title: string;
  line: number;
  code: string;
}

/**
 * What a reader installs, as the sources the snippets are run and type-checked against. Longest first, so a
 * rewrite of `@gatewaykit/mock/node` is not taken for `@gatewaykit/mock`. The same list is tsconfig.json's `paths`
 * and vitest.config.ts's aliases, through which the mock sources reach the SDK by its public subpaths (decision 020).
 */
export const GATEWAYKIT_SOURCES: ReadonlyArray<readonly [specifier: string, source: string]> = [
  ['@gatewaykit/mock/node', 'mocks/node/index.ts'],
  ['@gatewaykit/mock/vitest', 'mocks/vitest.ts'],
  ['gatewaykit/newapi/epay', 'src/newapi/epay.ts'],
  ['gatewaykit/platform', 'src/platform/index.ts'],
  ['gatewaykit/aether', 'src/aether/index.ts'],
  ['gatewaykit/opencat', 'src/opencat/index.ts'],
  ['@gatewaykit/mock', 'mocks/index.ts'],
  ['gatewaykit/newapi', 'src/newapi/index.ts'],
  ['gatewaykit/core', 'src/core/index.ts'],
  ['gatewaykit', 'src/index.ts'],
];

/** Where the guides live, relative to the repository root. */
export const GUIDE_DIR = 'docs/guide';

/**
 * The `ts test` blocks of a markdown text, each titled by the `##` section it sits in.
 *
 * @example
 * for (const { line, code } of snippets(readFileSync('docs/guide/newapi.md', 'utf8'))) console.log(line, code);
 */
export function snippets(markdown: string): Snippet[] {
  const found: Snippet[] = [];
  let title = '(top)';
  let block: Snippet | undefined;
  for (const [index, text] of markdown.split('\n').entries()) {
    if (block) {
      if (text.startsWith('```')) (found.push(block), (block = undefined));
      else block.code += `${text}\n`;
    } else if (text.startsWith('## ')) {
      title = text.slice(3);
    } else if (/^```ts\s+test\s*$/.test(text)) {
      block = { title, line: index + 1, code: '' };
    }
  }
  return found;
}

/**
 * Every snippet of every guide under `root`, each with the file name the type check gives it
 * (`<guide>.md-<line>.ts`, so a type error names the guide and the line of the block).
 *
 * @example
 * const all = guideSnippets(process.cwd()); // [{ guide: 'docs/guide/newapi.md', file: 'newapi.md-42.ts', ... }]
 */
export function guideSnippets(root: string): Array<Snippet & { guide: string; file: string }> {
  const guides = readdirSync(join(root, GUIDE_DIR)).filter((name) => name.endsWith('.md')).sort();
  return guides.flatMap((name) =>
    snippets(readFileSync(join(root, GUIDE_DIR, name), 'utf8')).map((snippet) => ({ ...snippet, guide: `${GUIDE_DIR}/${name}`, file: `${name}-${snippet.line}.ts` })),
  );
}
