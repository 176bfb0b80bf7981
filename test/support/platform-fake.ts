import { constants, generateKeyPairSync, privateDecrypt, randomBytes, type KeyObject } from 'node:crypto';

/** One request as the fake saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: string;
}

interface Key {
  id: string;
  pem: string;
  privateKey: KeyObject;
  expiresAt: number;
}

const KEY_LIFE_MS = 3_600_000;

function newKey(n: number, life = KEY_LIFE_MS): Key {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { id: `rsa_key_20240101_${String(n).padStart(3, '0')}`, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey, expiresAt: Date.now() + life };
}

const json = (status: number, code: number, data: unknown = null, message = code === 0 ? 'ok' : `error ${code}`) =>
  new Response(JSON.stringify({ code, message, data }), { status, headers: { 'content-type': 'application/json' } });

/**
 * A tiny stand-in for the platform server, for SDK unit tests that need control the reference server
 * does not give (a key that dies on demand, a slow refresh, a failing refresh). It decrypts with
 * node:crypto (OAEP, SHA-256), so every accepted ciphertext is also proof of interop.
 */
export function createPlatformFake(options: { password?: string; keyLifeMs?: number } = {}) {
  const password = options.password ?? 'Passw0rd-fake';
  let keySeq = 1;
  let key = newKey(keySeq, options.keyLifeMs);
  const seen: SeenRequest[] = [];
  const access = new Map<string, { expired: boolean }>();
  const refresh = new Map<string, 'live' | 'used'>();
  const fake = {
    password,
    seen,
    /** Plaintexts the fake decrypted, in order. */
    decrypted: [] as string[],
    keyFetches: 0,
    refreshCalls: 0,
    /** Answer every refresh with this status (e.g. 503) instead of rotating. */
    refreshFailure: undefined as number | undefined,
    /** Milliseconds each refresh takes, so concurrent callers overlap. */
    refreshDelay: 20,
    /** The next `times` password calls answer `code` (40010 unknown, 40011 expired) whatever the key. */
    refuseKey: { code: 40011, times: 0 },
    get currentKeyId() {
      return key.id;
    },
    /** Replaces the key: the old key_id now answers 40011. */
    rotate(life?: number) {
      key = newKey(++keySeq, life ?? options.keyLifeMs);
    },
    expireAccessTokens() {
      for (const token of access.values()) token.expired = true;
    },
    revokeAccessTokens() {
      access.clear();
    },
    issue() {
      const pair = { access_token: `at_${randomBytes(32).toString('base64url')}`, refresh_token: `rt_${randomBytes(32).toString('base64url')}` };
      access.set(pair.access_token, { expired: false });
      refresh.set(pair.refresh_token, 'live');
      const at = new Date(Date.now() + 900_000).toISOString().replace(/\.\d+Z$/, 'Z');
      return { token_type: 'Bearer' as const, ...pair, expires_in: 900, expires_at: at, refresh_expires_at: at };
    },
    async fetch(request: Request): Promise<Response> {
      const path = new URL(request.url).pathname;
      const body = request.method === 'GET' ? '' : await request.text();
      seen.push({ method: request.method, path, authorization: request.headers.get('authorization'), body });
      const parsed = (body ? JSON.parse(body) : {}) as Record<string, string>;
      const route = `${request.method} ${path}`;

      if (route === 'GET /api/v1/auth/public-key') {
        fake.keyFetches++;
        return json(200, 0, { key_id: key.id, algorithm: 'RSA-OAEP-256', public_key: key.pem, expires_at: new Date(key.expiresAt).toISOString() });
      }
      if (route === 'POST /api/v1/auth/refresh') {
        fake.refreshCalls++;
        await new Promise((resolve) => setTimeout(resolve, fake.refreshDelay));
        if (fake.refreshFailure) return json(fake.refreshFailure, fake.refreshFailure * 100);
        if (refresh.get(parsed.refresh_token ?? '') !== 'live') return json(401, 40103);
        refresh.set(parsed.refresh_token!, 'used');
        return json(200, 0, fake.issue());
      }
      const fields = ['password', 'old_password', 'new_password'].filter((name) => name in parsed);
      if (fields.length > 0) {
        if (fake.refuseKey.times > 0) {
          fake.refuseKey.times--;
          return json(400, fake.refuseKey.code);
        }
        if (parsed.key_id !== key.id) return json(400, parsed.key_id?.startsWith('rsa_key_') ? 40011 : 40010);
        for (const name of fields) {
          try {
            fake.decrypted.push(privateDecrypt({ key: key.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(parsed[name]!, 'base64')).toString());
          } catch {
            return json(400, 40013);
          }
        }
      }
      if (route === 'POST /api/v1/auth/login') {
        if (fake.decrypted.at(-1) !== password) return json(401, 40104);
        return json(200, 0, { ...fake.issue(), user: { user_id: 'u_01HX3Z8K9Q2M7N4P5R6S7T8V9W' } });
      }
      if (route === 'POST /api/v1/users/register') return json(201, 0, { user_id: 'u_01HX3Z8K9Q2M7N4P5R6S7T8V9W', email: parsed.email, user_type: parsed.user_type, created_at: '2024-01-01T00:00:00Z' });
      if (path === '/api/v1/users/me/verify/email/confirm' || path === '/api/v1/enterprise/invitations/accept') {
        if (!request.headers.get('authorization')) return json(200, 0, { ok: true });
      }

      const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      const session = token === undefined ? undefined : access.get(token);
      if (!session) return json(401, 40101);
      if (session.expired) return json(401, 40102);
      if (route === 'POST /api/v1/auth/logout') {
        access.delete(token!);
        return json(200, 0);
      }
      if (route === 'GET /api/v1/users/me') return json(200, 0, { user_id: 'u_01HX3Z8K9Q2M7N4P5R6S7T8V9W', token });
      return json(200, 0, { route });
    },
  };
  return fake;
}
