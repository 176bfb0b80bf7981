import { expect, test } from 'vitest';
import type { PlatformAccount, PlatformRole } from '../../mocks/index.js';
import { documentedOperations } from '../support/operations.js';
import { usePlatform } from '../support/platform.js';
import { DIALECTS } from '../../mocks/dialects.js';

/**
 * Who may call what: every operation of openapi/platform.yaml × anonymous, a personal user, the three seats of
 * one enterprise, an admin of another enterprise and a platform admin, answered by the server itself (raw
 * requests with each principal's own bearer token). Expected codes are the rules the document writes down.
 */
const api = usePlatform();

const PRINCIPALS = ['anonymous', 'personal', 'enterprise owner', 'enterprise admin', 'enterprise member', 'other enterprise admin', 'platform admin'] as const;
type Principal = (typeof PRINCIPALS)[number];
/** One envelope `code` per principal, in the order of {@link PRINCIPALS}; 0 is success. */
type Codes = [number, number, number, number, number, number, number];

const OK = 0;
const LOGIN = 40101;
const FORBIDDEN = 40301;
const WRONG_TYPE = 40303;
const OWNER = 40304;
const NO_USER = 40401;
const NO_KEY = 40402;
const NO_MEMBER = 40403;
const NO_SUBMISSION = 40404;
const VERIFIED_ALREADY = 40903;
const IN_ENTERPRISE = 40904;
const BAD_CODE = 40030;

// Well-formed ids that name nobody.
const NOBODY = 'u_01HX3Z8K9Q2M7N4P5R6S7T8V9W';
const NO_SUCH_KEY = 'key_01HX41B2C3D4E5F6G7H8J9KMNP';
const NO_SUCH_SUBMISSION = 'ver_01HX43D4E5F6G7H8J9KMNPQRST';
const REALNAME = { real_name: '陈晓华', id_card: '110101199001011237', id_card_front: 'https://oss.example.com/f.jpg', id_card_back: 'https://oss.example.com/b.jpg' };
const ENTERPRISE = { enterprise_name: '矩阵测试有限公司', credit_code: '91350100M000100Y43', license_image: 'https://oss.example.com/l.jpg', contact_name: '王经理', contact_phone: '13900139000' };

const DOCUMENTED = new Map(documentedOperations(DIALECTS.platform.contract).map((op) => [op.key, op]));

interface Scene {
  ids: Ids;
  /** The calling principal's seeded account; `undefined` for anonymous. */
  me: PlatformAccount | undefined;
  /** What `prepare` returned. */
  prepared: string;
}

interface Row {
  /** The document's operation, `METHOD /path/{template}`. */
  op: string;
  label: string;
  /** Runs before the call (as whoever it must, through the SDK): a submission, an invitation, a token. */
  prepare?: (principal: Principal) => Promise<string>;
  path: (scene: Scene) => string;
  body?: (scene: Scene) => unknown;
  /** On a route with optional security, the document says this case needs a login (40101 without one). */
  needsLogin?: true;
  /** anonymous, personal, enterprise owner, enterprise admin, enterprise member, other enterprise admin, platform admin */
  expect: Codes;
}

const everyone = (code: number): Codes => [code, code, code, code, code, code, code];
const loggedIn = (code: number): Codes => [LOGIN, code, code, code, code, code, code];
/** `/admin/v1/*`: platform admins only, whatever their other roles. */
const platformAdmin = (code: number): Codes => [LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, code];
/** Enterprise routes: the personal user and the platform admin (a personal account too) have no enterprise. */
const enterprise = (owner: number, admin: number, member: number, otherAdmin: number): Codes => [LOGIN, WRONG_TYPE, owner, admin, member, otherAdmin, WRONG_TYPE];
// API keys are scoped to their owner, platform admin included: everyone else is told the key does not exist.
const PERSONAL_ONLY: Codes = [LOGIN, OK, NO_KEY, NO_KEY, NO_KEY, NO_KEY, NO_KEY];

const ROWS: Row[] = [
  { op: 'GET /api/v1/auth/public-key', label: '', path: () => '/api/v1/auth/public-key', expect: everyone(OK) },
  { op: 'POST /api/v1/auth/captcha', label: '', path: () => '/api/v1/auth/captcha', expect: everyone(OK) },
  { op: 'POST /api/v1/auth/captcha/verify', label: 'the right answer', prepare: async () => (await api.client().auth.captcha.create()).captcha_id, path: () => '/api/v1/auth/captcha/verify', body: async ({ prepared }) => ({ captcha_id: prepared, answer: await api.captchaAnswer(prepared) }), expect: everyone(OK) },
  { op: 'POST /api/v1/auth/login', label: 'as the personal user', path: () => '/api/v1/auth/login', body: async () => ({ email: api.account('personal').email, ...(await api.encryptPasswords({ password: api.account('personal').password })), captcha_token: await api.captchaToken() }), expect: everyone(OK) },
  { op: 'POST /api/v1/auth/refresh', label: "the personal user's live refresh token", prepare: async () => (await api.loginTokens('personal')).refresh_token, path: () => '/api/v1/auth/refresh', body: ({ prepared }) => ({ refresh_token: prepared }), expect: everyone(OK) },
  { op: 'POST /api/v1/auth/refresh', label: 'an unknown refresh token', path: () => '/api/v1/auth/refresh', body: () => ({ refresh_token: 'rt_matrix' }), expect: everyone(40103) },
  { op: 'POST /api/v1/auth/logout', label: '', path: () => '/api/v1/auth/logout', expect: loggedIn(OK) },

  { op: 'POST /api/v1/users/register', label: 'a new personal account', path: () => '/api/v1/users/register', body: async () => ({ user_type: 'personal', email: 'matrix@example.com', ...(await api.encryptPasswords({ password: 'Matrix-pass1' })), captcha_token: await api.captchaToken() }), expect: everyone(OK) },
  { op: 'GET /api/v1/users/me', label: '', path: () => '/api/v1/users/me', expect: loggedIn(OK) },
  { op: 'PUT /api/v1/users/me', label: '', path: () => '/api/v1/users/me', body: () => ({ nickname: 'Matrix' }), expect: loggedIn(OK) },
  { op: 'PUT /api/v1/users/me/password', label: 'with the own old password', path: () => '/api/v1/users/me/password', body: ({ me }) => api.encryptPasswords({ old_password: me?.password ?? 'Anonym0us', new_password: 'Matrix-pass1' }), expect: loggedIn(OK) },
  { op: 'POST /api/v1/users/me/verify/email', label: 'reset_password, with a captcha token', path: () => '/api/v1/users/me/verify/email', body: async () => ({ email: api.account('personal').email, purpose: 'reset_password', captcha_token: await api.captchaToken() }), expect: everyone(OK) },
  // Every seeded email was verified at seeding, so a logged-in caller gets as far as 40905.
  { op: 'POST /api/v1/users/me/verify/email', label: 'register, the own email', path: () => '/api/v1/users/me/verify/email', body: ({ me }) => ({ email: (me ?? api.account('personal')).email, purpose: 'register' }), needsLogin: true, expect: loggedIn(40905) },
  { op: 'POST /api/v1/users/me/verify/email', label: 'change_email to an unused address', path: () => '/api/v1/users/me/verify/email', body: () => ({ email: 'matrix-new@example.com', purpose: 'change_email' }), needsLogin: true, expect: loggedIn(OK) },
  { op: 'POST /api/v1/users/me/verify/email/confirm', label: 'reset_password with the code sent to the personal user', prepare: sendResetCode, path: () => '/api/v1/users/me/verify/email/confirm', body: async ({ prepared }) => ({ purpose: 'reset_password', email: api.account('personal').email, code: prepared, ...(await api.encryptPasswords({ new_password: 'Matrix-pass1' })) }), expect: everyone(OK) },
  { op: 'POST /api/v1/users/me/verify/email/confirm', label: 'register with a code never sent', path: () => '/api/v1/users/me/verify/email/confirm', body: ({ me }) => ({ purpose: 'register', email: (me ?? api.account('personal')).email, code: '000000' }), needsLogin: true, expect: loggedIn(BAD_CODE) },
  { op: 'POST /api/v1/users/me/verify/email/confirm', label: 'change_email with a code never sent', path: () => '/api/v1/users/me/verify/email/confirm', body: () => ({ purpose: 'change_email', email: 'matrix-new@example.com', code: '000000' }), needsLogin: true, expect: loggedIn(BAD_CODE) },

  { op: 'GET /api/v1/users/me/apikeys', label: '', path: () => '/api/v1/users/me/apikeys', expect: loggedIn(OK) },
  { op: 'POST /api/v1/users/me/apikeys', label: '', path: () => '/api/v1/users/me/apikeys', body: () => ({ name: 'matrix', key_type: 'test' }), expect: loggedIn(OK) },
  { op: 'GET /api/v1/users/me/apikeys/{key_id}', label: "the personal user's key", path: ({ ids }) => `/api/v1/users/me/apikeys/${ids.personalKey}`, expect: PERSONAL_ONLY },
  { op: 'GET /api/v1/users/me/apikeys/{key_id}', label: 'a key the caller just created', prepare: ownNewKey, path: ({ prepared }) => `/api/v1/users/me/apikeys/${prepared}`, expect: loggedIn(OK) },
  { op: 'GET /api/v1/users/me/apikeys/{key_id}', label: 'a key nobody has', path: () => `/api/v1/users/me/apikeys/${NO_SUCH_KEY}`, expect: loggedIn(NO_KEY) },
  { op: 'PUT /api/v1/users/me/apikeys/{key_id}', label: "the personal user's key", path: ({ ids }) => `/api/v1/users/me/apikeys/${ids.personalKey}`, body: () => ({ name: 'renamed' }), expect: PERSONAL_ONLY },
  { op: 'DELETE /api/v1/users/me/apikeys/{key_id}', label: "the personal user's key", path: ({ ids }) => `/api/v1/users/me/apikeys/${ids.personalKey}`, expect: PERSONAL_ONLY },

  // The enterprise account verifies its enterprise instead; the personal user was verified at seeding.
  { op: 'GET /api/v1/users/me/verify/realname', label: '', path: () => '/api/v1/users/me/verify/realname', expect: [LOGIN, OK, WRONG_TYPE, OK, OK, OK, OK] },
  { op: 'POST /api/v1/users/me/verify/realname', label: '', path: () => '/api/v1/users/me/verify/realname', body: () => REALNAME, expect: [LOGIN, VERIFIED_ALREADY, WRONG_TYPE, OK, OK, OK, OK] },
  // Only the owner (the enterprise account) may submit; its enterprise was verified at seeding.
  { op: 'POST /api/v1/users/me/verify/enterprise', label: '', path: () => '/api/v1/users/me/verify/enterprise', body: () => ENTERPRISE, expect: [LOGIN, WRONG_TYPE, VERIFIED_ALREADY, WRONG_TYPE, WRONG_TYPE, WRONG_TYPE, WRONG_TYPE] },

  { op: 'GET /api/v1/enterprise/profile', label: '', path: () => '/api/v1/enterprise/profile', expect: enterprise(OK, OK, OK, OK) },
  { op: 'PUT /api/v1/enterprise/profile', label: '', path: () => '/api/v1/enterprise/profile', body: () => ({ contact_name: '王经理' }), expect: enterprise(OK, OK, FORBIDDEN, OK) },
  { op: 'GET /api/v1/enterprise/members', label: '', path: () => '/api/v1/enterprise/members', expect: enterprise(OK, OK, FORBIDDEN, OK) },
  { op: 'POST /api/v1/enterprise/members/invite', label: 'a member', path: () => '/api/v1/enterprise/members/invite', body: () => ({ email: 'joiner@example.com', role: 'member' }), expect: enterprise(OK, OK, FORBIDDEN, OK) },
  { op: 'POST /api/v1/enterprise/members/invite', label: 'an admin', path: () => '/api/v1/enterprise/members/invite', body: () => ({ email: 'joiner@example.com', role: 'admin' }), expect: enterprise(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
  { op: 'POST /api/v1/enterprise/members/invite', label: "the other enterprise's admin", path: () => '/api/v1/enterprise/members/invite', body: () => ({ email: api.account('other enterprise admin').email }), expect: enterprise(IN_ENTERPRISE, IN_ENTERPRISE, FORBIDDEN, IN_ENTERPRISE) },
  { op: 'POST /api/v1/enterprise/invitations/accept', label: 'an unknown token', path: () => '/api/v1/enterprise/invitations/accept', body: () => ({ token: 'invite_matrix' }), expect: everyone(40040) },
  // A new email needs no session: whoever holds the token creates the account.
  { op: 'POST /api/v1/enterprise/invitations/accept', label: 'to a new email, with a password', prepare: () => invitationFor('joiner@example.com'), path: () => '/api/v1/enterprise/invitations/accept', body: async ({ prepared }) => ({ token: prepared, ...(await api.encryptPasswords({ password: 'Joined-pass1' })) }), expect: everyone(OK) },
  // An existing personal account is linked only by its own session.
  { op: 'POST /api/v1/enterprise/invitations/accept', label: "to the personal user's email", prepare: () => invitationFor(api.account('personal').email), path: () => '/api/v1/enterprise/invitations/accept', body: ({ prepared }) => ({ token: prepared }), needsLogin: true, expect: [LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN] },

  // Owner and admins manage; an admin acts on plain members only; nobody touches the owner; other enterprises' people are not found.
  { op: 'DELETE /api/v1/enterprise/members/{member_id}', label: 'the plain member', path: ({ ids }) => `/api/v1/enterprise/members/${ids.member}`, expect: enterprise(OK, OK, FORBIDDEN, NO_MEMBER) },
  { op: 'DELETE /api/v1/enterprise/members/{member_id}', label: 'the enterprise admin', path: ({ ids }) => `/api/v1/enterprise/members/${ids.admin}`, expect: enterprise(OK, FORBIDDEN, FORBIDDEN, NO_MEMBER) },
  { op: 'DELETE /api/v1/enterprise/members/{member_id}', label: 'the owner', path: ({ ids }) => `/api/v1/enterprise/members/${ids.owner}`, expect: enterprise(OWNER, OWNER, FORBIDDEN, NO_MEMBER) },
  { op: 'DELETE /api/v1/enterprise/members/{member_id}', label: "the other enterprise's admin", path: ({ ids }) => `/api/v1/enterprise/members/${ids.otherAdmin}`, expect: enterprise(NO_MEMBER, NO_MEMBER, FORBIDDEN, FORBIDDEN) },
  // A member reads only their own quota.
  { op: 'GET /api/v1/enterprise/members/{member_id}/quota', label: 'the plain member', path: ({ ids }) => `/api/v1/enterprise/members/${ids.member}/quota`, expect: enterprise(OK, OK, OK, NO_MEMBER) },
  { op: 'GET /api/v1/enterprise/members/{member_id}/quota', label: 'the enterprise admin', path: ({ ids }) => `/api/v1/enterprise/members/${ids.admin}/quota`, expect: enterprise(OK, OK, FORBIDDEN, NO_MEMBER) },
  { op: 'GET /api/v1/enterprise/members/{member_id}/quota', label: 'the owner', path: ({ ids }) => `/api/v1/enterprise/members/${ids.owner}/quota`, expect: enterprise(OK, OK, FORBIDDEN, NO_MEMBER) },
  { op: 'GET /api/v1/enterprise/members/{member_id}/quota', label: "the other enterprise's admin", path: ({ ids }) => `/api/v1/enterprise/members/${ids.otherAdmin}/quota`, expect: enterprise(NO_MEMBER, NO_MEMBER, FORBIDDEN, OK) },
  // An admin never sets their own quota.
  { op: 'PUT /api/v1/enterprise/members/{member_id}/quota', label: 'the plain member', path: ({ ids }) => `/api/v1/enterprise/members/${ids.member}/quota`, body: () => ({ tokens_per_day: 1000, requests_per_day: null }), expect: enterprise(OK, OK, FORBIDDEN, NO_MEMBER) },
  { op: 'PUT /api/v1/enterprise/members/{member_id}/quota', label: 'the enterprise admin', path: ({ ids }) => `/api/v1/enterprise/members/${ids.admin}/quota`, body: () => ({ tokens_per_day: 1000, requests_per_day: null }), expect: enterprise(OK, FORBIDDEN, FORBIDDEN, NO_MEMBER) },
  { op: 'PUT /api/v1/enterprise/members/{member_id}/quota', label: 'the owner', path: ({ ids }) => `/api/v1/enterprise/members/${ids.owner}/quota`, body: () => ({ tokens_per_day: 1000, requests_per_day: null }), expect: enterprise(OWNER, OWNER, FORBIDDEN, NO_MEMBER) },
  { op: 'PUT /api/v1/enterprise/members/{member_id}/quota', label: "the other enterprise's admin", path: ({ ids }) => `/api/v1/enterprise/members/${ids.otherAdmin}/quota`, body: () => ({ tokens_per_day: 1000, requests_per_day: null }), expect: enterprise(NO_MEMBER, NO_MEMBER, FORBIDDEN, FORBIDDEN) },
  // Roles: the owner only.
  { op: 'PUT /api/v1/enterprise/members/{member_id}/role', label: 'promote the plain member', path: ({ ids }) => `/api/v1/enterprise/members/${ids.member}/role`, body: () => ({ role: 'admin' }), expect: enterprise(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
  { op: 'PUT /api/v1/enterprise/members/{member_id}/role', label: 'demote the enterprise admin', path: ({ ids }) => `/api/v1/enterprise/members/${ids.admin}/role`, body: () => ({ role: 'member' }), expect: enterprise(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
  { op: 'PUT /api/v1/enterprise/members/{member_id}/role', label: 'demote the owner', path: ({ ids }) => `/api/v1/enterprise/members/${ids.owner}/role`, body: () => ({ role: 'member' }), expect: enterprise(OWNER, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
  { op: 'PUT /api/v1/enterprise/members/{member_id}/role', label: "the other enterprise's admin", path: ({ ids }) => `/api/v1/enterprise/members/${ids.otherAdmin}/role`, body: () => ({ role: 'member' }), expect: enterprise(NO_MEMBER, FORBIDDEN, FORBIDDEN, FORBIDDEN) },

  { op: 'GET /admin/v1/users', label: '', path: () => '/admin/v1/users', expect: platformAdmin(OK) },
  { op: 'GET /admin/v1/users/{user_id}', label: 'the personal user', path: ({ ids }) => `/admin/v1/users/${ids.personal}`, expect: platformAdmin(OK) },
  { op: 'GET /admin/v1/users/{user_id}', label: 'nobody', path: () => `/admin/v1/users/${NOBODY}`, expect: platformAdmin(NO_USER) },
  { op: 'POST /admin/v1/users/{user_id}/freeze', label: 'the personal user', path: ({ ids }) => `/admin/v1/users/${ids.personal}/freeze`, body: () => ({ reason: 'matrix' }), expect: platformAdmin(OK) },
  // Platform admins cannot be frozen, not even by themselves.
  { op: 'POST /admin/v1/users/{user_id}/freeze', label: 'the platform admin', path: ({ ids }) => `/admin/v1/users/${ids.platformAdmin}/freeze`, body: () => ({ reason: 'matrix' }), expect: platformAdmin(FORBIDDEN) },
  { op: 'POST /admin/v1/users/{user_id}/unfreeze', label: 'the personal user', path: ({ ids }) => `/admin/v1/users/${ids.personal}/unfreeze`, expect: platformAdmin(OK) },
  { op: 'GET /admin/v1/verifications', label: '', path: () => '/admin/v1/verifications', expect: platformAdmin(OK) },
  { op: 'GET /admin/v1/verifications/{verification_id}', label: 'a seeded submission', path: ({ ids }) => `/admin/v1/verifications/${ids.reviewed}`, expect: platformAdmin(OK) },
  { op: 'GET /admin/v1/verifications/{verification_id}', label: 'an unknown submission', path: () => `/admin/v1/verifications/${NO_SUCH_SUBMISSION}`, expect: platformAdmin(NO_SUBMISSION) },
  { op: 'POST /admin/v1/verifications/{verification_id}/approve', label: 'a pending submission', prepare: pendingSubmission, path: ({ prepared }) => `/admin/v1/verifications/${prepared}/approve`, expect: platformAdmin(OK) },
  { op: 'POST /admin/v1/verifications/{verification_id}/approve', label: 'a reviewed submission', path: ({ ids }) => `/admin/v1/verifications/${ids.reviewed}/approve`, expect: platformAdmin(VERIFIED_ALREADY) },
  { op: 'POST /admin/v1/verifications/{verification_id}/reject', label: 'a pending submission', prepare: pendingSubmission, path: ({ prepared }) => `/admin/v1/verifications/${prepared}/reject`, body: () => ({ reason: 'matrix' }), expect: platformAdmin(OK) },
  { op: 'POST /admin/v1/verifications/{verification_id}/reject', label: 'a reviewed submission', path: ({ ids }) => `/admin/v1/verifications/${ids.reviewed}/reject`, body: () => ({ reason: 'matrix' }), expect: platformAdmin(VERIFIED_ALREADY) },
];

type Ids = ReturnType<typeof ids>;

function ids() {
  const id = (role: PlatformRole) => api.account(role).user_id;
  const { state } = api.server;
  return {
    personal: id('personal'),
    owner: id('enterprise owner'),
    admin: id('enterprise admin'),
    member: id('enterprise member'),
    otherAdmin: id('other enterprise admin'),
    platformAdmin: id('platform admin'),
    personalKey: state.api_keys.find((k) => k.user_id === id('personal'))!.key_id,
    // The seed's submissions are all reviewed already.
    reviewed: state.verifications.find((v) => v.status !== 'pending')!.verification_id,
  };
}

/** The code of a `reset_password` email to the personal user, asked for anonymously. */
async function sendResetCode(): Promise<string> {
  const { email } = api.account('personal');
  await api.client().users.me.sendEmailCode({ email, purpose: 'reset_password', captcha_token: await api.captchaToken() });
  return api.lastCode(email);
}

/** A new key of `principal`'s own (anonymous has none: a key id nobody has). */
async function ownNewKey(principal: Principal): Promise<string> {
  if (principal === 'anonymous') return NO_SUCH_KEY;
  return (await (await api.loginAs(principal)).apiKeys.create({ name: 'own', key_type: 'test' })).key_id;
}

/** The token of an invitation from the enterprise owner to `email`. */
async function invitationFor(email: string): Promise<string> {
  await (await api.loginAs('enterprise owner')).members.invite({ email });
  return api.lastCode(email);
}

/** The id of a real-name submission of the plain member, waiting for review. */
async function pendingSubmission(): Promise<string> {
  await (await api.loginAs('enterprise member')).verification.submitRealname(REALNAME);
  return api.server.state.verifications.find((v) => v.status === 'pending')!.verification_id;
}

test('role matrix: the table has a row for every operation of openapi/platform.yaml', () => {
  expect([...new Set(ROWS.map((row) => row.op))].sort()).toEqual([...DOCUMENTED.keys()].sort());
  expect(new Set(ROWS.map((row) => `${row.op} ${row.label}`)).size, 'each scenario once').toBe(ROWS.length);
  // What `prepare` returns in a path is always an id; any well-formed one stands in for it here.
  const scene: Scene = { ids: ids(), me: undefined, prepared: `x_${'0'.repeat(26)}` };
  for (const row of ROWS) {
    const template = new RegExp(`^${row.op.split(' ')[1]!.replace(/\{\w+\}/g, '[a-z]+_[0-9A-Z]{26}')}$`);
    expect(row.path(scene), row.op).toMatch(template);
    // Each operation has one success status (200 or 201), which the cells below expect on success.
    expect(DOCUMENTED.get(row.op)!.successStatuses, row.op).toHaveLength(1);
  }
});

test('role matrix: anonymous is refused with 40101 exactly where the document requires a login', () => {
  for (const row of ROWS) {
    const { auth } = DOCUMENTED.get(row.op)!;
    // Optional security (`[{}, {bearerAuth: []}]`) serves anonymous callers, except in the cases its description names.
    const refused = auth === 'required' || (auth === 'optional' && row.needsLogin === true);
    expect(row.expect[0] === LOGIN, `${row.op} ${row.label}`).toBe(refused);
    if (row.needsLogin) expect(auth, `${row.op}: needsLogin only means something on optional security`).toBe('optional');
  }
  for (const [key, op] of DOCUMENTED) {
    if (op.auth === 'optional') expect(ROWS.some((row) => row.op === key && row.expect[0] === OK), `${key} serves an anonymous caller`).toBe(true);
  }
});

for (const [index, principal] of PRINCIPALS.entries()) {
  for (const row of ROWS) {
    const expected = row.expect[index]!;
    test(`role matrix: ${principal} → ${row.op} ${row.label}`.trim(), async () => {
      const prepared = (await row.prepare?.(principal)) ?? '';
      const me = principal === 'anonymous' ? undefined : api.account(principal);
      const token = principal === 'anonymous' ? undefined : (await api.loginTokens(principal)).access_token;
      const scene: Scene = { ids: ids(), me, prepared };
      const body = await row.body?.(scene);
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const method = row.op.split(' ')[0]!;
      const response = await api.raw(row.path(scene), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const answer = (await response.json()) as { code: number; message: string };

      const status = expected === OK ? DOCUMENTED.get(row.op)!.successStatuses[0] : Math.floor(expected / 100);
      expect({ status: response.status, code: answer.code }, answer.message).toEqual({ status, code: expected });
    });
  }
}

test('role matrix: on the optionally authenticated routes, a token that is sent must check out', async () => {
  // Anonymous callers are served here, but a dead token is refused rather than ignored, so a client whose
  // session ended is told so instead of silently acting anonymously.
  const optional = [...DOCUMENTED.values()].filter((op) => op.auth === 'optional');
  expect(optional.map((op) => op.key).sort()).toEqual([
    'POST /api/v1/enterprise/invitations/accept',
    'POST /api/v1/users/me/verify/email',
    'POST /api/v1/users/me/verify/email/confirm',
  ]);
  const bodies: Record<string, unknown> = {
    'POST /api/v1/enterprise/invitations/accept': { token: await invitationFor('newcomer@example.com'), ...(await api.encryptPasswords({ password: 'Matrix-pass1' })) },
    'POST /api/v1/users/me/verify/email': { email: 'someone@example.com', purpose: 'reset_password', captcha_token: await api.captchaToken() },
    'POST /api/v1/users/me/verify/email/confirm': { email: api.account('personal').email, purpose: 'reset_password', code: '123456', ...(await api.encryptPasswords({ new_password: 'Matrix-pass1' })) },
  };
  const before = structuredClone(api.server.state.users);
  for (const op of optional) {
    const response = await api.raw(op.path, {
      method: op.method,
      headers: { authorization: 'Bearer at_no_such_token', 'content-type': 'application/json' },
      body: JSON.stringify(bodies[op.key]),
    });
    expect({ status: response.status, code: ((await response.json()) as { code: number }).code }, op.key).toEqual({ status: 401, code: LOGIN });
  }
  expect(api.server.state.users, 'no account was created or changed').toEqual(before);
});
