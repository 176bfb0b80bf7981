/**
 * An axios client that behaves as Aether's own frontend does (`frontend/src/api/client.ts` and `users.ts` at
 * 2b1d197, written afresh from their described behaviour): a bearer header on every `/api/` URL, and on a 401
 * outside `/auth/login|refresh|logout` one single-flight refresh, both tokens stored, the request sent once more;
 * a failed refresh clears both tokens and rejects with the original error. `usersApi` makes exactly the seed's
 * calls (paths, methods, bodies) and reads `response.data` as it does.
 * @module
 */
import axios, { type AxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';

// The strings upstream's console treats as final. It looks for them in `data.detail`, which the envelope never has.
const FINAL_401 = ['用户不存在或已禁用', '需要管理员权限', '权限不足', '用户已禁用'];

type RetriedConfig = InternalAxiosRequestConfig & { _retry?: boolean; _retryCount?: number };

/** One request as the server received it from the console. */
export interface SentRequest {
  method: string;
  url: string;
  body: unknown;
}

/** The console's client, with what a test needs to watch it. */
export interface ConsoleClient {
  /** `localStorage` as the console keeps its tokens. */
  readonly storage: Map<string, string>;
  /** Every request sent, retries and refreshes included. */
  readonly sent: SentRequest[];
  authApi: { login(email: string, password: string): Promise<void> };
  usersApi: ReturnType<typeof usersApiOf>;
}

/**
 * @example
 * const console = createConsoleClient('http://127.0.0.1:4011');
 * await console.authApi.login('admin@localhost', password);
 * const users = await console.usersApi.getAllUsers();
 */
export function createConsoleClient(baseURL: string): ConsoleClient {
  const storage = new Map<string, string>();
  const sent: SentRequest[] = [];
  const http = axios.create({ baseURL, timeout: 30_000, headers: { 'Content-Type': 'application/json' } });
  let refreshing: Promise<{ access_token: string; refresh_token: string }> | undefined;

  const isAuthRequest = (url = '') => ['/auth/login', '/auth/refresh', '/auth/logout'].some((part) => url.includes(part));

  http.interceptors.request.use((config) => {
    const token = storage.get('access_token');
    if (config.url?.includes('/api/') && token) config.headers.Authorization = `Bearer ${token}`;
    sent.push({ method: (config.method ?? 'get').toUpperCase(), url: config.url ?? '', body: typeof config.data === 'string' ? JSON.parse(config.data) : structuredClone(config.data) });
    return config;
  });

  http.interceptors.response.use(undefined, async (error: AxiosError) => {
    const original = error.config as RetriedConfig | undefined;
    if (!error.response || !original || isAuthRequest(original.url) || error.response.status !== 401 || original._retry) throw error;
    const detail = String((error.response.data as { detail?: unknown } | undefined)?.detail ?? '');
    if (FINAL_401.some((text) => detail.includes(text))) throw error;
    const refreshToken = storage.get('refresh_token');
    if (!refreshToken) {
      storage.clear();
      throw error;
    }
    original._retry = true;
    original._retryCount = (original._retryCount ?? 0) + 1;
    if (original._retryCount > 3) throw error;
    if (refreshing) {
      try {
        await refreshing;
      } catch {
        throw error;
      }
      return http.request(original);
    }
    refreshing = http.post('/api/auth/refresh', { refresh_token: refreshToken }).then((response) => response.data);
    try {
      const tokens = await refreshing;
      storage.set('access_token', tokens.access_token);
      storage.set('refresh_token', tokens.refresh_token);
    } catch {
      storage.clear();
      throw error;
    } finally {
      refreshing = undefined;
    }
    return http.request(original);
  });

  return {
    storage,
    sent,
    authApi: {
      async login(email, password) {
        const { data } = await http.post('/api/auth/login', { email, password });
        storage.set('access_token', data.access_token);
        storage.set('refresh_token', data.refresh_token);
      },
    },
    usersApi: usersApiOf(http),
  };
}

/** The seed's `usersApi`, call for call. */
function usersApiOf(apiClient: AxiosInstance) {
  return {
    async getAllUsers() {
      return (await apiClient.get('/api/admin/users')).data;
    },
    async getUser(userId: string) {
      return (await apiClient.get(`/api/admin/users/${userId}`)).data;
    },
    async createUser(user: Record<string, unknown>) {
      return (await apiClient.post('/api/admin/users', user)).data;
    },
    async updateUser(userId: string, updates: Record<string, unknown>) {
      return (await apiClient.put(`/api/admin/users/${userId}`, updates)).data;
    },
    async deleteUser(userId: string): Promise<void> {
      await apiClient.delete(`/api/admin/users/${userId}`);
    },
    async getUserApiKeys(userId: string) {
      return (await apiClient.get(`/api/admin/users/${userId}/api-keys`)).data.api_keys;
    },
    async createApiKey(userId: string, name?: string) {
      return (await apiClient.post(`/api/admin/users/${userId}/api-keys`, { name })).data;
    },
    async deleteApiKey(userId: string, keyId: string): Promise<void> {
      await apiClient.delete(`/api/admin/users/${userId}/api-keys/${keyId}`);
    },
    async resetUserQuota(userId: string): Promise<void> {
      await apiClient.patch(`/api/admin/users/${userId}/quota`);
    },
    async getUsageStats() {
      return (await apiClient.get('/api/admin/usage/stats')).data;
    },
  };
}

/**
 * How the console shows an error: `err.response?.data?.error?.message || err.response?.data?.detail`.
 *
 * @example
 * expect(consoleMessage(await caught(usersApi.getUser(id)))).toBe('用户不存在');
 */
export function consoleMessage(error: unknown): string | undefined {
  const data = (error as AxiosError<{ error?: { message?: string }; detail?: string }>).response?.data;
  return data?.error?.message || data?.detail;
}
