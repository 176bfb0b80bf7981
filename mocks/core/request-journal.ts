/**
 * The request journal: what clients sent and what they got, newest first, so a test can assert on the requests
 * a client made, as WireMock's verification does. A bounded ring; headers and paths are masked when kept, bodies
 * (held raw, up to 64 KiB) are masked and cut to a few kilobytes when read, so nothing unmasked ever leaves it.
 * @module
 */
import { redactBody, redactHeaders, redactJsonText, redactUrl } from 'gatewaykit/core';

/** One journaled request and its answer. */
export interface JournaledRequest {
  /** Server clock time of the answer, in ms since the epoch. */
  at: number;
  method: string;
  /** Path and query as the client sent them (before any base path is stripped), credential-like values masked. */
  path: string;
  status: number;
  request: { headers: Record<string, string>; body?: string };
  response: { headers: Record<string, string>; body?: string };
}

/** Filters of the request journal (`GET /__mock/requests`); every given one must hold. */
export interface RequestFilter {
  method?: string;
  /** A path pattern: `*` stands for any run of characters, everything else is literal (`/api/user/*`). */
  path?: string;
  status?: number;
  /** At most this many, newest first. */
  limit?: number;
}

/** How many requests the journal keeps unless told otherwise. */
export const REQUEST_JOURNAL_SIZE = 1000;
/** The longest body text kept, in UTF-16 units; longer ones end in `…`. */
export const JOURNAL_BODY_LIMIT = 4096;

/** A body as recorded: the raw text and its type, masked and cut only when the journal is read. */
export type RecordedBody = { text: string; contentType: string | null; secretKeys?: readonly string[] } | { omitted: number };

/** What the engine records: bodies raw, so a request pays for masking only when a test reads the journal. */
export interface RecordedRequest extends Omit<JournaledRequest, 'request' | 'response'> {
  request: { headers: Record<string, string>; body?: RecordedBody };
  response: { headers: Record<string, string>; body?: RecordedBody };
}

/** The journal of one server. */
export interface RequestJournal {
  record(entry: RecordedRequest): void;
  list(filter?: RequestFilter): JournaledRequest[];
  clear(): void;
}

/**
 * A ring of the last `size` requests.
 *
 * @example
 * const journal = createRequestJournal();
 * journal.list({ method: 'POST', path: '/api/user/*' });
 */
export function createRequestJournal(size = REQUEST_JOURNAL_SIZE): RequestJournal {
  let entries: RecordedRequest[] = [];
  return {
    record(entry) {
      entries.push(entry);
      // Drop a tenth at once rather than one per request, so the ring costs O(1) amortised.
      if (entries.length > size) entries = entries.slice(entries.length - size + Math.ceil(size / 10));
    },
    list(filter = {}) {
      const method = filter.method?.toUpperCase();
      const out: JournaledRequest[] = [];
      for (let i = entries.length - 1; i >= 0 && out.length < (filter.limit ?? Infinity); i--) {
        const entry = entries[i]!;
        if (method !== undefined && entry.method !== method) continue;
        if (filter.status !== undefined && entry.status !== filter.status) continue;
        if (filter.path !== undefined && !matchesGlob(filter.path, entry.path.split('?')[0]!)) continue;
        out.push(shown(entry));
      }
      return out;
    },
    clear() {
      entries = [];
    },
  };
}

function shown(entry: RecordedRequest): JournaledRequest {
  const body = (recorded: RecordedBody | undefined) => {
    if (recorded === undefined) return {};
    return { body: 'omitted' in recorded ? omitted(recorded.omitted) : journalBody(recorded.text, recorded.contentType, recorded.secretKeys) };
  };
  return {
    ...entry,
    request: { headers: { ...entry.request.headers }, ...body(entry.request.body) },
    response: { headers: { ...entry.response.headers }, ...body(entry.response.body) },
  };
}

/** Past this many characters a body is not masked, so it is not kept at all. */
export const JOURNAL_PARSE_LIMIT = 65_536;

const omitted = (length: number) => `[${length} characters, not kept]`;

/**
 * A body as the journal keeps it: JSON with credential-like keys masked, a form with its credential-like fields
 * masked, anything else as text with its JSON-like credential members masked; cut to {@link JOURNAL_BODY_LIMIT}.
 * `secretKeys` are top-level JSON keys masked whatever their name (a route's `secretAnswerKeys`).
 *
 * @example
 * journalBody('{"username":"root","password":"123456"}', 'application/json'); // '{"username":"root","password":"[redacted]"}'
 */
export function journalBody(text: string, contentType: string | null, secretKeys: readonly string[] = []): string | undefined {
  if (text === '') return undefined;
  if (text.length > JOURNAL_PARSE_LIMIT) return omitted(text.length);
  let kept = text;
  try {
    kept = JSON.stringify(redactBody(maskKeys(JSON.parse(text), secretKeys)));
  } catch {
    // Not JSON: a form masks like a query string; other text has its JSON-like credential members masked.
    kept = contentType?.includes('application/x-www-form-urlencoded') ? redactUrl(`?${text}`).slice(1) : redactJsonText(text);
  }
  return kept.length > JOURNAL_BODY_LIMIT ? `${kept.slice(0, JOURNAL_BODY_LIMIT)}…` : kept;
}

function maskKeys(value: unknown, keys: readonly string[]): unknown {
  if (keys.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const key of keys) if (Object.hasOwn(out, key)) out[key] = '[redacted]';
  return out;
}

/**
 * Headers as the journal keeps them: credentials masked, and the headers named in `secret` too (the control
 * token's, a name the SDK's rules do not know, which one client for both APIs sends on dialect requests as well).
 *
 * @example
 * journalHeaders(request.headers, ['x-gatewaykit-control-token']); // { 'x-gatewaykit-control-token': '[redacted]', ... }
 */
export function journalHeaders(headers: Headers, secret: readonly string[] = []): Record<string, string> {
  return maskKeys(redactHeaders(headers), secret) as Record<string, string>;
}

/** The journal's path: credential-like query values masked. */
export const journalPath = (url: URL): string => redactUrl(`${url.pathname}${url.search}`);

/**
 * Whether `text` matches `pattern`, where `*` is any run of characters. No RegExp: a client's pattern
 * (`*a*a*a*a*b`) could make one backtrack for minutes. Two pointers that return to the last `*`: at most
 * pattern × text steps.
 *
 * @example
 * matchesGlob('/api/user/*', '/api/user/42'); // true
 */
export function matchesGlob(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
