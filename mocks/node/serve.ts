/**
 * Serves a reference server over real HTTP: node:http → Fetch `Request` → the route table → back. No msw on this
 * path: it is benchmarked against a bare node:http server.
 * @module
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BODY_LIMIT_BYTES } from '../core/body.js';
import { hostAllowed, hostRefusal, hostRule, type AllowedHosts } from './allowed-hosts.js';
import { CLIENT_IP_HEADER } from '../core/rate-limit.js';
import { clientLimits, type ClientLimits, type ResolvedClientLimits } from './limits.js';

/** Anything that answers Fetch requests, such as a `ReferenceServer`. */
export interface FetchHandler {
  fetch(request: Request): Promise<Response>;
  /** The largest body the route reads, as `ReferenceServer.bodyLimit` says. @default BODY_LIMIT_BYTES (1 MiB) */
  bodyLimit?(method: string, url: string): number;
}

/** Options of {@link serve}. */
export interface ServeOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /** Interface to listen on. Beyond loopback (not `localhost`, 127.0.0.0/8 or ::1), `limits` apply. @default '127.0.0.1' */
  host?: string;
  /**
   * Overrides of the limits for slow and idle clients (see {@link ClientLimits} for the defaults). They apply
   * only when `host` is beyond loopback; on loopback Node's own defaults stay, whatever is given here.
   */
  limits?: ClientLimits;
  /**
   * Which `Host` names are answered besides `localhost`, `*.localhost`, 127.0.0.0/8 and `[::1]` (a guard against
   * DNS rebinding); any other gets a 403 before the route table sees it. A leading dot allows a name and every
   * name under it; `'all'` turns the guard off. A list also allows `host` itself.
   * @default [] on loopback (loopback names only); 'all' beyond loopback, where the control token guards `/__mock/`
   */
  allowedHosts?: AllowedHosts;
}

/** A listening HTTP server. */
export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** The limits for slow and idle clients in force; `undefined` on loopback. */
  limits: ResolvedClientLimits | undefined;
  /** The `Host` names answered besides the loopback ones, normalized; `'all'` when the guard is off. */
  allowedHosts: AllowedHosts;
  /** The underlying `node:http` server, e.g. to watch its `'drop'` events. */
  http: Server;
  /** Stops accepting connections, closes idle keep-alive sockets and resolves when the server is down. */
  close(): Promise<void>;
}

/**
 * Serves `server` over HTTP with keep-alive. Beyond loopback, header and request timeouts and a connection
 * cap apply (`options.limits`), so idle and slowloris connections cannot pile up.
 *
 * @example
 * const running = await serve(createReferenceServer({ dialect: 'newapi' }), { port: 4010 });
 * console.log(running.url); // http://127.0.0.1:4010
 * await running.close();
 */
export async function serve(server: FetchHandler, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const limits = clientLimits(host, options.limits);
  const rule = hostRule(host, options.allowedHosts);
  let url = '';
  const http = createServer({ keepAlive: true, ...(limits ? timeouts(limits) : {}) }, (req, res) => {
    // Before the route table: the dialect routes hold sessions and seeded logins too, not only `/__mock/`.
    const answer = hostAllowed(rule, req.headers.host) ? handle(server, url, req, res) : reply(res, hostRefusal(req.headers.host));
    answer.catch((error: unknown) => fail(res, error));
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    if (limits) http.maxConnections = limits.maxConnections;
    http.listen(options.port ?? 0, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    limits,
    allowedHosts: rule ?? 'all',
    http,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()));
        http.closeIdleConnections();
      }),
  };
}

function timeouts(limits: ResolvedClientLimits): ServerOptions {
  const { headersTimeout, requestTimeout, keepAliveTimeout } = limits;
  // Node checks the two timeouts only every `connectionsCheckingInterval` (30 s by default), which would let a
  // 10 s header timeout run to 40 s; check at a tenth of the header timeout, at most once a second.
  const connectionsCheckingInterval = Math.max(1, Math.min(1_000, Math.floor(headersTimeout / 10)));
  return { headersTimeout, requestTimeout, keepAliveTimeout, connectionsCheckingInterval };
}

async function handle(server: FetchHandler, base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    // The client's address comes from the socket only: an incoming header of that name would let a client
    // choose its own rate-limit key.
    if (raw[i]!.toLowerCase() !== CLIENT_IP_HEADER) headers.append(raw[i]!, raw[i + 1]!);
  }
  headers.set(CLIENT_IP_HEADER, req.socket.remoteAddress ?? 'unknown');
  const url = requestUrl(base, req);
  // One byte past the route's limit, so the core sees the body is too large and answers its 413.
  const limit = (server.bodyLimit?.(method, url) ?? BODY_LIMIT_BYTES) + 1;
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, limit);
  const request = new Request(url, { method, headers, body: body as BodyInit | undefined });
  await reply(res, await server.fetch(request));
}

async function reply(res: ServerResponse, response: Response): Promise<void> {
  const out: OutgoingHttpHeaders = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') out[name] = value;
  });
  // Headers.forEach joins repeated Set-Cookie lines with a comma, which breaks them; getSetCookie keeps them apart.
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  const reader = response.body?.getReader();
  const first = await reader?.read();
  const second = first && !first.done ? await reader!.read() : undefined;
  // A body of one chunk (every JSON answer) goes out with its length; a longer stream (the state export) as it is
  // made, in chunked encoding, at the pace the client reads.
  if (!reader || !second || second.done) {
    const payload = first?.value;
    out['content-length'] = payload?.byteLength ?? 0;
    res.writeHead(response.status, out);
    res.end(payload);
    return;
  }
  res.writeHead(response.status, out);
  // A client that goes away mid-stream cancels it, so whatever the stream holds (the export's write lock) is let go.
  const gone = () => void reader.cancel().catch(() => undefined);
  res.once('close', gone);
  let chunk: ReadableStreamReadResult<Uint8Array> = second;
  res.write(first!.value);
  while (!chunk.done) {
    if (!res.write(chunk.value)) await drained(res);
    if (res.destroyed) return;
    chunk = await reader.read();
  }
  res.off('close', gone);
  res.end();
}

/** Resolves when `res` can take more, or has closed; leaves no listener behind either way. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

/**
 * The body, read up to `max` bytes. Past that the rest is drained unread: the core answers 413 from the bytes it
 * got, and the connection stays usable for the next keep-alive request.
 */
function readBody(req: IncomingMessage, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= max) {
        req.off('data', onData).off('end', onEnd);
        req.resume();
        resolve(Buffer.concat(chunks, size).subarray(0, max));
      }
    };
    const onEnd = () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    req.on('data', onData).on('end', onEnd).once('error', reject);
  });
}

/**
 * The request URL on the address this server listens on. Never on the `Host` header: the server builds links
 * (a password-reset mail, a payment's notify and return URLs) from this URL, and `Host` is whatever the client
 * wrote. The header itself still reaches the handler unchanged.
 */
function requestUrl(base: string, req: IncomingMessage): string {
  const target = req.url ?? '/';
  try {
    if (target.startsWith('/')) return new URL(`${base}${target}`).href;
    // An absolute-form target (`GET http://other/path`, as sent to proxies) names a host too: keep only the rest.
    const absolute = new URL(target);
    return new URL(`${base}${absolute.pathname}${absolute.search}`).href;
  } catch {
    // A malformed target must not take the request down; it reaches the router as `/`.
    return new URL(base).href;
  }
}

function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  const body = JSON.stringify({ success: false, message: 'Failed to serve the request: the reference server crashed.' });
  res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
