/**
 * The page of test/browser/session.test.ts, bundled for Chromium: a console that runs the reference server in the
 * page and talks to it through msw's `setupWorker` or through `fetch: server.fetch`.
 * @module
 */
import { setupWorker } from 'msw/browser';
import { createReferenceServer } from '../../mocks/index.js';
import { NewApiClient } from '../../src/newapi/index.js';

/** How the page reaches its in-page server. */
export type Wiring = 'worker' | 'fetch';

/** Where the page carries the server's state over a reload (a console would do the same to keep its data). */
const SAVED_STATE = 'gatewaykit-session-state';
/** Where the page remembers who logged in, for `New-Api-User` after a reload, as new-api's own console does. */
const USER_ID = 'gatewaykit-session-user';

/** What the test calls inside the page. */
export interface SessionPage {
  /** Logs in as root, reads self, creates a key and lists the keys. */
  loginSelfTokens(): Promise<{ username: string; tokens: string[]; cookieVisibleToScript: boolean }>;
  /** Reads self and the keys on the session the page already has. */
  selfTokens(): Promise<{ username: string; tokens: string[] } | { error: string; status: number | undefined }>;
  /** Logs out: the server expires the cookie, and whoever holds it (msw's store, server.fetch) drops it. */
  logout(): Promise<void>;
  /** Saves the server's state for the next load of the page. */
  saveState(): void;
  /**
   * After a login, what `credentials: 'omit'` gets: whether self answers on the session (a browser sends no cookie),
   * and whether a login sent that way leaves a session behind (a browser ignores its Set-Cookie).
   */
  omitCredentials(): Promise<{ selfOnSession: boolean; loginLeavesSession: boolean }>;
  /** Logs in and reads self through `server.fetch` by path alone, as its own example does; whether self answered. */
  selfByPath(): Promise<boolean>;
  /**
   * Logs in to a gateway on another site (`credentials: 'include'`) and reads self there: the SameSite=Strict
   * session cookie of that cross-site answer is one a browser refuses to keep.
   */
  crossSite(): Promise<{ loggedIn: boolean; self: { error: string; status: number | undefined } | { username: string } }>;
}

async function start(wiring: Wiring): Promise<SessionPage> {
  const server = createReferenceServer({ dialect: 'newapi', seed: 1 });
  await server.ready;
  const saved = sessionStorage.getItem(SAVED_STATE);
  if (saved) await server.fetch('/__mock/state', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: saved });
  if (wiring === 'worker') {
    await setupWorker(...server.handlers).start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  }
  const userId = Number(localStorage.getItem(USER_ID)) || undefined;
  const client = new NewApiClient({ baseURL: location.origin, userId, ...(wiring === 'fetch' ? { fetch: server.fetch } : {}) });
  const show = (value: unknown) => {
    document.querySelector('pre')!.textContent = `${wiring}: ${JSON.stringify(value, null, 2)}`;
    return value;
  };
  const selfTokens = async () => {
    const me = await client.self.retrieve();
    const tokens = (await client.tokens.list()).items.map((token) => token.name);
    return { username: me.username, tokens };
  };
  return {
    async loginSelfTokens() {
      await client.auth.login({ username: 'root', password: '123456' });
      localStorage.setItem(USER_ID, String(client.userId));
      await client.tokens.create({ name: `from-${wiring}` });
      return show({ ...(await selfTokens()), cookieVisibleToScript: document.cookie.includes('session=') }) as Awaited<ReturnType<SessionPage['loginSelfTokens']>>;
    },
    async selfTokens() {
      const result = await selfTokens().catch((error: { message: string; status?: number }) => ({ error: error.message, status: error.status }));
      return show(result) as Awaited<ReturnType<SessionPage['selfTokens']>>;
    },
    async logout() {
      await client.auth.logout();
    },
    saveState() {
      sessionStorage.setItem(SAVED_STATE, JSON.stringify(server.state));
    },
    async omitCredentials() {
      // The page's own fetch, as an app's code would call it next to the client.
      const send = wiring === 'fetch' ? server.fetch : (input: string, init?: RequestInit) => fetch(input, init);
      await client.auth.login({ username: 'root', password: '123456' });
      // Kept: the client forgets its user id on logout.
      const userId = String(client.userId);
      const self = async (credentials: RequestCredentials) => {
        const response = await send(`${location.origin}/api/user/self`, { credentials, headers: { 'New-Api-User': userId } });
        return ((await response.json()) as { success: boolean }).success;
      };
      const selfOnSession = await self('omit');
      await client.auth.logout();
      await send(`${location.origin}/api/user/login`, { method: 'POST', credentials: 'omit', body: JSON.stringify({ username: 'root', password: '123456' }) });
      return show({ selfOnSession, loginLeavesSession: await self('include') }) as Awaited<ReturnType<SessionPage['omitCredentials']>>;
    },
    async crossSite() {
      const other = new NewApiClient({ baseURL: 'http://gateway.test', ...(wiring === 'fetch' ? { fetch: server.fetch } : {}) });
      const user = await other.auth.login({ username: 'root', password: '123456' });
      const self = await other.self.retrieve().then(
        (me) => ({ username: me.username }),
        (error: { message: string; status?: number }) => ({ error: error.message, status: error.status }),
      );
      return show({ loggedIn: user.username === 'root', self }) as Awaited<ReturnType<SessionPage['crossSite']>>;
    },
    async selfByPath() {
      const login = await server.fetch('/api/user/login', { method: 'POST', body: JSON.stringify({ username: 'root', password: '123456' }) });
      const { data } = (await login.json()) as { data: { id: number } };
      const self = await server.fetch('/api/user/self', { headers: { 'New-Api-User': String(data.id) } });
      return show(((await self.json()) as { success: boolean }).success) as boolean;
    },
  };
}

const wiring = new URLSearchParams(location.search).get('wiring') === 'fetch' ? 'fetch' : 'worker';
(window as unknown as { session: Promise<SessionPage> }).session = start(wiring);
