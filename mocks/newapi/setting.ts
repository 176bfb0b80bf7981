/**
 * `dto.UserSetting`, the JSON string kept in `users.setting`, encoded as Go's `encoding/json` writes it (field
 * order, `omitempty`, HTML-safe escapes) so the string clients read back is byte-identical to upstream's.
 * @module
 */
import { goMap, goMarshal, goStruct } from '../go/json-encode.js';
import { ROLE } from './state.js';

/** The fields of `dto.UserSetting` (JUL26). */
export interface UserSetting {
  notify_type?: string;
  quota_warning_threshold?: number;
  webhook_url?: string;
  webhook_secret?: string;
  notification_email?: string;
  bark_url?: string;
  gotify_url?: string;
  gotify_token?: string;
  gotify_priority?: number;
  upstream_model_update_notify_enabled?: boolean;
  accept_unset_model_ratio_model?: boolean;
  record_ip_log?: boolean;
  sidebar_modules?: string;
  billing_preference?: string;
  language?: string;
}

// Struct order; every field is omitempty except gotify_priority.
const FIELDS: ReadonlyArray<keyof UserSetting> = [
  'notify_type', 'quota_warning_threshold', 'webhook_url', 'webhook_secret', 'notification_email', 'bark_url',
  'gotify_url', 'gotify_token', 'gotify_priority', 'upstream_model_update_notify_enabled',
  'accept_unset_model_ratio_model', 'record_ip_log', 'sidebar_modules', 'billing_preference', 'language',
];

/**
 * The setting in a stored string; an empty or broken string is the zero value (upstream logs and carries on).
 *
 * @example
 * parseSetting(user.setting).language;
 */
export function parseSetting(text: string): UserSetting {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as UserSetting) : {};
  } catch {
    return {};
  }
}

/**
 * The string Go's `json.Marshal(dto.UserSetting)` produces.
 *
 * @example
 * stringifySetting({ language: 'en' }); // '{"gotify_priority":0,"language":"en"}'
 */
export function stringifySetting(setting: UserSetting): string {
  return goMarshal(goStruct(FIELDS.map((name) => ({ name, value: setting[name] ?? (name === 'gotify_priority' ? 0 : undefined), omitempty: name !== 'gotify_priority' }))));
}

/**
 * `generateDefaultSidebarConfigForRole`: the sidebar a new user gets, as a JSON string (Go sorts map keys).
 *
 * @example
 * defaultSidebar(1); // '{"chat":{…},"console":{…},"personal":{…}}'
 */
export function defaultSidebar(role: number): string {
  const config: Record<string, Record<string, boolean>> = {
    chat: { enabled: true, playground: true, chat: true },
    console: { enabled: true, detail: true, token: true, log: true, midjourney: true, task: true },
    personal: { enabled: true, topup: true, personal: true },
  };
  if (role === ROLE.admin || role === ROLE.root) {
    config.admin = { enabled: true, channel: true, models: true, redemption: true, user: true, setting: role === ROLE.root };
  }
  // A Go map of Go maps: keys come out sorted at both levels.
  return goMarshal(goMap(Object.fromEntries(Object.entries(config).map(([key, flags]) => [key, goMap(flags)]))));
}

/** The setting a freshly inserted user ends up with (`Insert` then `finishInsert`). */
export function newUserSetting(role: number): string {
  return stringifySetting({ sidebar_modules: defaultSidebar(role) });
}
