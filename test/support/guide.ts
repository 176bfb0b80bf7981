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

/** One reference server a guide's snippets talk to, and the sandbox address they name it by. */
export interface GuideSandbox<D extends DialectName = DialectName> {
  dialect: D;
  /** The address of `npm start`'s server of this dialect, e.g. `http://127.0.0.1:4011`. */
  sandbox: string;
}

/** What a guide over several dialects gets from {@link useGuideOver}. */
export interface MultiGuide {
  readonly markdown: string;
  readonly snippets: Snippet[];
  /** The reference server of `dialect`; valid from `beforeAll` on. */
  server<D extends DialectName>(dialect: D): ReferenceServer<D>;
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
  const guide = useGuideOver(options.guide, [{ dialect: options.dialect, sandbox: options.sandbox }]);
  return {
    markdown: guide.markdown,
    snippets: guide.snippets,
    get server() {
      return guide.server(options.dialect);
    },
    run: guide.run,
  };
}

/**
 * {@link useGuide} for a guide whose snippets talk to several sandboxes at once (docs/guide/gateway.md, over all
 * four dialects): one reference server per entry, each reset before every snippet. In-process, the global `fetch`
 * goes to the server whose sandbox address the request names (the first server for any other address).
 *
 * @example
 * const guide = useGuideOver('docs/guide/gateway.md', [{ dialect: 'aether', sandbox: 'http://127.0.0.1:4011' }]);
 */
export function useGuideOver(guide: string, sandboxes: readonly GuideSandbox[]): MultiGuide {
  const markdown = readFileSync(join(ROOT, guide), 'utf8');
  const found = snippets(markdown);
  // One folder per guide, process and transport: the two vitest projects run side by side.
  const name = sandboxes.map((entry) => entry.dialect).join('-');
  const dir = join(ROOT, '.tmp', 'guide', `${name}-${transport}-${process.pid}`);
  const servers = new Map<DialectName, ReferenceServer<DialectName>>();
  const baseURLs = new Map<string, string>(sandboxes.map((entry) => [entry.sandbox, entry.sandbox]));
  const closers: Array<() => Promise<void>> = [];

  const rewrite = (code: string): string => {
    let out = code;
    for (const [sandbox, baseURL] of baseURLs) out = out.replaceAll(sandbox, baseURL);
    for (const [specifier, path] of GATEWAYKIT_SOURCES) out = out.replaceAll(`from '${specifier}'`, `from '${join(ROOT, path)}'`);
    return out;
  };
  const run = (code: string, file: string): Promise<unknown> => {
    const path = join(dir, `${file}.ts`);
    writeFileSync(path, rewrite(code));
    return import(pathToFileURL(path).href);
  };
  const serverOf = <D extends DialectName>(dialect: D): ReferenceServer<D> => {
    const server = servers.get(dialect);
    if (!server) throw new Error(`Failed to find the ${dialect} server of ${guide}: it runs ${name}.`);
    return server as unknown as ReferenceServer<D>;
  };

  beforeAll(async () => {
    for (const { dialect, sandbox } of sandboxes) {
      const server = createReferenceServer({ dialect, seed: 1, clock: { frozen: true }, onResponse: contractObserver(dialect) });
      await server.ready;
      servers.set(dialect, server as unknown as ReferenceServer<DialectName>);
      if (transport === 'http') {
        const http = await serve(server, { port: 0 });
        baseURLs.set(sandbox, http.url);
        closers.push(http.close);
      }
    }
    if (transport === 'in-process') {
      const origins = new Map(sandboxes.map(({ dialect, sandbox }) => [new URL(sandbox).origin, dialect]));
      vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
        const request = input instanceof Request && init === undefined ? input : new Request(input, init);
        return serverOf(origins.get(new URL(request.url).origin) ?? sandboxes[0]!.dialect).fetch(request);
      });
    }
    mkdirSync(dir, { recursive: true });
    // The snippets print what a reader would see; the test output does not need it.
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  beforeEach(async () => {
    for (const server of servers.values()) await server.reset();
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
    for (const close of closers) await close();
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

  return { markdown, snippets: found, server: serverOf, run };
}
