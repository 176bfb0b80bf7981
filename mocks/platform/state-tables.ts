/**
 * The secondary tables of the platform state: RSA keys, sessions, captchas, email codes, API keys,
 * invitations, verification submissions and password failures. Plain JSON, times in epoch milliseconds.
 * @module
 */

/** One RSA key pair the server issued and that has not expired yet. */
export interface RsaKeyRecord {
  key_id: string;
  /** PKCS#8 DER of the private key, base64: state stays plain JSON (export, import, snapshots). */
  private_pkcs8: string;
  public_key_pem: string;
  created_at: number;
  /** `created_at` + 24 h + the 10-minute grace window. */
  expires_at: number;
  /** SHA-256 (hex) of every ciphertext accepted under this key; dropped with the key. */
  used: string[];
}

/** A login: its refresh token rotates, its access tokens come and go, it ends 30 days after login. */
export interface SessionRecord {
  session_id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  /** SHA-256 of the tokens the session keeps, oldest first (at most `ACCESS_TOKENS_KEPT` / `REFRESH_TOKENS_KEPT`). */
  tokens?: { access: string[]; refresh: string[] };
}

export interface CaptchaRecord {
  answer: string;
  expires_at: number;
}

export interface EmailCodeRecord {
  code: string;
  /** The caller the code was sent for (`register`, `change_email`); null for `reset_password`. */
  user_id: string | null;
  expires_at: number;
  wrong_attempts: number;
}

export interface ApiKeyRecord {
  key_id: string;
  user_id: string;
  name: string;
  key_type: 'production' | 'test';
  key_sha256: string;
  /** `sk-prod-abc1`: the type prefix and the first 4 random characters. */
  key_head: string;
  last4: string;
  /** `active` or `disabled`; `expired` is computed from `expires_at`. */
  status: 'active' | 'disabled';
  allowed_models: string[];
  allowed_ips: string[];
  last_used_at: number | null;
  expires_at: number | null;
  created_at: number;
}

export interface InvitationRecord {
  invitation_id: string;
  enterprise_id: string;
  email: string;
  role: 'admin' | 'member';
  invited_by: string;
  token_sha256: string;
  status: 'pending' | 'accepted' | 'replaced';
  expires_at: number;
  created_at: number;
}

interface SubmissionBase {
  verification_id: string;
  user_id: string;
  status: 'pending' | 'verified' | 'rejected';
  submitted_at: number;
  reviewed_at: number | null;
  reviewed_by: string | null;
  reject_reason: string | null;
}

export interface RealnameSubmission extends SubmissionBase {
  type: 'realname';
  real_name: string;
  id_card_front: string;
  id_card_back: string;
}

export interface EnterpriseSubmission extends SubmissionBase {
  type: 'enterprise';
  enterprise_id: string;
  enterprise_name: string;
  credit_code: string;
  license_image: string;
  contact_name: string;
  contact_phone: string;
}

export type VerificationRecord = RealnameSubmission | EnterpriseSubmission;

/** Failed password checks of one account (`u:<id>`) or one unknown identifier (`id:<email|phone>`). */
export interface FailureRecord {
  times: number[];
  locked_until: number | null;
}
