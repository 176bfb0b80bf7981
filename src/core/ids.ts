/**
 * What a kind of id looks like, so a bad one is refused before anything is sent and a typo never becomes a request
 * for `/api/user/undefined` or `/keys/1/../../admin`.
 */
export interface IdKind {
  /** What the message says the id must be, e.g. "a positive integer". */
  readonly expected: string;
  test(value: unknown): boolean;
  /** Whether the message may show the value: numbers yes; strings no, since the same rule may guard a secret. */
  readonly echo?: boolean;
}

/** A positive safe integer (new-api's auto-increment ids). @example const ids = { id: integerId }; */
export const integerId: IdKind = {
  expected: 'a positive integer',
  echo: true,
  test: (value) => typeof value === 'number' && Number.isSafeInteger(value) && value > 0,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in its 36-character form (aether's ids). @example const ids = { user_id: uuidId }; */
export const uuidId: IdKind = { expected: 'a UUID', test: (value) => typeof value === 'string' && UUID.test(value) };

/**
 * A string id with a type prefix and word characters after it (platform: `u_…`, `key_…`, `ver_…`).
 * @example const ids = { key_id: prefixedId('key_') };
 */
export function prefixedId(prefix: string): IdKind {
  return {
    expected: `an id starting with \`${prefix}\``,
    test: (value) => typeof value === 'string' && value.startsWith(prefix) && value.length > prefix.length && /^\w+$/.test(value),
  };
}

/** The rule for a path param a dialect does not name: a positive integer or a non-empty string without `/`. */
const anySegment: IdKind = {
  expected: 'a positive integer or a non-empty string without `/`',
  test: (value) => integerId.test(value) || (typeof value === 'string' && /^[^/?#]+$/.test(value) && value !== '.' && value !== '..'),
};

/**
 * Checks every `{param}` of a path template against the dialect's id kinds, before anything is sent. The message
 * names the param as resource methods do (`user_id` → `userId`).
 *
 * @example
 * checkPathIds('get', '/api/user/{id}', { id: 0 }, { id: integerId }); // TypeError: Failed to call GET /api/user/{id}: `id` must be a positive integer, got 0.
 */
export function checkPathIds(method: string, template: string, params: unknown, kinds: Readonly<Record<string, IdKind>>): void {
  for (const name of paramsOf(template)) {
    const value = (params as Record<string, unknown> | undefined)?.[name];
    const kind = kinds[name] ?? anySegment;
    if (kind.test(value)) continue;
    const shown = name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    throw new TypeError(`Failed to call ${method.toUpperCase()} ${template}: \`${shown}\` must be ${kind.expected}${kind.echo ? `, got ${String(value)}` : ''}.`);
  }
}

// Templates come from the document, a few hundred at most: each is parsed once, not on every call.
const paramNames = new Map<string, readonly string[]>();

function paramsOf(template: string): readonly string[] {
  let names = paramNames.get(template);
  if (!names) paramNames.set(template, (names = Array.from(template.matchAll(/\{(\w+)\}/g), (match) => match[1]!)));
  return names;
}
