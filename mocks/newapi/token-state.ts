/**
 * The `tokens` table of the new-api reference server (`model.Token`), as plain JSON rows.
 * @module
 */

/**
 * A row of `tokens`. Upstream stores the key in clear; here only its SHA-256, its masked form and a sealed copy
 * (AES-GCM under a key that never leaves the server process) are kept, so a state export hands out no working key
 * (see `token-keys.ts`).
 */
export interface TokenRecord {
  id: number;
  user_id: number;
  /** SHA-256 (hex) of the 48-character key, for exact lookups. */
  key_sha256: string;
  /** `abcd**********wxyz`, what every answer shows. */
  key_masked: string;
  /** `aesgcm$<iv>$<ciphertext>`: the key, readable only by the server that sealed it (reveal, key search). */
  key_sealed: string;
  /** 1 enabled, 2 disabled, 3 expired, 4 exhausted; `PUT ?status_only` stores any integer. */
  status: number;
  name: string;
  /** Unix seconds. */
  created_time: number;
  accessed_time: number;
  /** Unix seconds, -1 = never. */
  expired_time: number;
  remain_quota: number;
  unlimited_quota: boolean;
  model_limits_enabled: boolean;
  model_limits: string;
  /** `null` after an update that left it out (GORM writes the nil pointer). */
  allow_ips: string | null;
  used_quota: number;
  group: string;
  cross_group_retry: boolean;
}

/** Token statuses (`common/constants.go`). */
export const TOKEN_STATUS = { enabled: 1, disabled: 2, expired: 3, exhausted: 4 } as const;
