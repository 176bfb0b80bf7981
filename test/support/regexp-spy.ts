/**
 * Records every RegExp built at run time (`new RegExp(source)` or `RegExp(source)`) while `run` runs, in this realm.
 * The search routes must match SQL `LIKE` patterns without one: a RegExp built from `%_%_%!` backtracks.
 * @module
 */
/**
 * The sources of the RegExps built while `run` ran.
 *
 * @example
 * const sources = await regExpSourcesBuiltBy(() => client.users.search({ keyword: '%_%!' }));
 */
export async function regExpSourcesBuiltBy(run: () => PromiseLike<unknown>): Promise<string[]> {
  const sources: string[] = [];
  const record = (args: unknown[]) => void sources.push(args[0] instanceof RegExp ? args[0].source : String(args[0]));
  const original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(original, {
    construct: (target, args, newTarget) => (record(args), Reflect.construct(target, args, newTarget)),
    apply: (target, self, args) => (record(args), Reflect.apply(target, self, args)),
  });
  try {
    await run();
  } finally {
    // Only this stub is undone: vi.unstubAllGlobals would also drop stubs the calling test made itself.
    globalThis.RegExp = original;
  }
  return sources;
}
