import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { createReferenceServer, type DialectName, type ReferenceServer } from '../../mocks/index.js';
import { serve } from '../../mocks/node/index.js';
import { contractObserver } from './contract.js';
import { transport } from './lifecycle.js';
import { GATEWAYKIT_SOURCES, guideSnippets, type Snippet, snippets } from './snippets.js';

/**
 * Makes a guide in docs/guide/ executable: every fenced block tagged `ts test` runs as an ES module against a
 * fresh reference server, its `gatewaykit/*` imports pointed at the sources and the sandbox address at this
 * server. Over HTTP the address is rewritten to the served one; in-process the global `fetch` is routed to
 * `server.fetch` (the SDK looks `fetch` up on every call). A snippet fails by throwing: an SDK error, or one of
 * its own `assert`s. The snippets must also type-check, as a reader's editor would check them: `npm run typecheck`
 * checks them with the project.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a guide test file gets from {@link useGuide}. */
export interface Guide<D extends DialectName> {
  /** The guide's text. */
  readonly markdown: string;
  /** Its `ts test` blocks, in order. */
  readonly snippets: Snippet[];
  /** The reference server the snippets run against; valid from `beforeAll` on. */
  readonly server: ReferenceServer<D>;
  /** Runs `code` as a snippet runs: rewritten, written to `<name>.ts`, imported. */
  run(code: string, name: string): Promise<unknown>;
}

/**
 * Registers the tests of one guide: a reference server of `dialect` (seed 1, contract-checked) for the file,
 * reset before each snippet; one test per snippet; and, in the in-process project, a check that `npm run typecheck`
 * type-checks them all.
 *
 * @example
 * const guide = useGuide({ guide: 'docs/guide/newapi.md', dialect: 'newapi', sandbox: 'http://127.0.0.1:4010' });
 */
export function useGuide<D extends DialectName>(options: { guide: string; dialect: D; sandbox: string }): Guide<D> {
  const { guide, dialect, sandbox } = options;
  const markdown = readFileSync(join(ROOT, guide), 'utf8');
  const found = snippets(markdown);
  // One folder per guide, process and transport: the two vitest projects run side by side.
  const dir = join(ROOT, '.tmp', 'guide', `${dialect}-${transport}-${process.pid}`);
  let server: ReferenceServer<D>;
  let baseURL = sandbox;
  let close: (() => Promise<void>) | undefined;

  const rewrite = (code: string): string => {
    let out = code.replaceAll(sandbox, baseURL);
    for (const [name, path] of GATEWAYKIT_SOURCES) out = out.replaceAll(`from '${name}'`, `from '${join(ROOT, path)}'`);
    return out;
  };
  const run = (code: string, name: string): Promise<unknown> => {
    const file = join(dir, `${name}.ts`);
    writeFileSync(file, rewrite(code));
    return import(pathToFileURL(file).href);
  };

  beforeAll(async () => {
    server = createReferenceServer({ dialect, seed: 1, clock: { frozen: true }, onResponse: contractObserver(dialect) });
    await server.ready;
    if (transport === 'http') {
      const http = await serve(server, { port: 0 });
      baseURL = http.url;
      close = http.close;
    } else {
      vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
        server.fetch(input instanceof Request && init === undefined ? input : new Request(input, init)),
      );
    }
    mkdirSync(dir, { recursive: true });
    // The snippets print what a reader would see; the test output does not need it.
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  beforeEach(() => server.reset());
  afterAll(async () => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
    await close?.();
  });

  test.each(found)(`guide: ${guide}:$line ($title)`, async ({ code, line }) => {
    await run(code, `snippet-${line}`);
  });

  // The snippets are type-checked by `npm run typecheck` (scripts/guide-types.ts), in the one program that checks the
  // project: a program per guide here cost more than the rest of the guide tests. This holds that check to every block.
  if (transport === 'in-process') {
    test(`guide: every snippet of ${guide} is type-checked by npm run typecheck, as gatewaykit/* imports`, () => {
      const checked = guideSnippets(ROOT).filter((snippet) => snippet.guide === guide);
      expect(checked.map(({ line, code }) => ({ line, code }))).toEqual(found.map(({ line, code }) => ({ line, code })));
      expect(readFileSync(join(ROOT, 'package.json'), 'utf8')).toContain('tsx scripts/guide-types.ts && tsc -p .tmp/guide-types/tsconfig.json');
    });
  }

  return {
    markdown,
    snippets: found,
    get server() {
      return server;
    },
    run,
  };
}
