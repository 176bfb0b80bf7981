/**
 * Invitations (decision 010): `POST /api/v1/enterprise/members/invite` and
 * `POST /api/v1/enterprise/invitations/accept`. The token travels only in the email (the outbox); accepting
 * creates a `member` account for an unknown email, or links the personal account that is logged in as itself.
 * @module
 */
import { sha256Hex } from '../../core/encoding.js';
import { sendMessage } from '../../core/outbox.js';
import type { RequestContext } from '../../core/types.js';
import { optionalCaller, type Caller } from '../auth.js';
import { fail, invalid, ok } from '../envelope.js';
import { iso, newId, newSecret } from '../ids.js';
import { joinEnterprise, seatOf } from '../membership.js';
import { CODE } from '../messages.js';
import { openPasswords, policyRefusal } from '../passwords.js';
import { newUserRecord } from '../records.js';
import { acceptInvitationSchema, inviteSchema } from '../schemas.js';
import { findEnterprise, type InvitationRecord, type PlatformState, type UserRecord } from '../state.js';
import { readBody } from '../validate.js';
import { memberView } from '../views.js';

type Ctx = RequestContext<PlatformState>;

const INVITATION_TTL_MS = 7 * 86_400_000;

/** `POST /api/v1/enterprise/members/invite` (201): the owner invites admins or members, an admin members. */
export async function invite(ctx: Ctx, caller: Caller): Promise<Response> {
  const seat = seatOf(ctx, caller, { manage: true });
  if (!seat.ok) return seat.response;
  const body = await readBody(ctx, inviteSchema);
  if (!body.ok) return body.response;
  const { email, role } = body.value;
  if (role === 'admin' && seat.role !== 'owner') return fail(ctx, CODE.forbidden);
  if (seat.enterprise.verify_status !== 'verified') return fail(ctx, CODE.enterprise_not_verified);
  const invitee = ctx.state.users.find((u) => u.email === email);
  if (invitee && !joinable(invitee)) return fail(ctx, CODE.membership_conflict);

  const now = ctx.clock.now();
  for (const pending of ctx.state.invitations) {
    if (pending.status === 'pending' && pending.email === email && pending.enterprise_id === seat.enterprise.enterprise_id) pending.status = 'replaced';
  }
  const token = newSecret('invite_', ctx.random);
  const record: InvitationRecord = {
    invitation_id: newId('inv_', now, ctx.random),
    enterprise_id: seat.enterprise.enterprise_id,
    email,
    role,
    invited_by: caller.user.user_id,
    token_sha256: await sha256Hex(token),
    status: 'pending',
    expires_at: now + INVITATION_TTL_MS,
    created_at: now,
  };
  ctx.state.invitations.push(record);
  const name = seat.enterprise.enterprise_name;
  const text = `${caller.user.nickname} invited you to join ${name} as ${role}. Your invitation token: ${token} (valid for 7 days).`;
  sendMessage(ctx.state, { channel: 'email', to: email, subject: `Join ${name}`, body: text, code: token }, now);
  return ok(invitationView(record), 201);
}

/** `POST /api/v1/enterprise/invitations/accept`: create or link the account, then it is a member. */
export async function acceptInvitation(ctx: Ctx): Promise<Response> {
  const body = await readBody(ctx, acceptInvitationSchema);
  if (!body.ok) return body.response;
  // A token that is sent must check out, even when the invitation creates the account: see the auth section.
  const auth = await optionalCaller(ctx);
  if (!auth.ok) return auth.response;
  const now = ctx.clock.now();
  const hash = await sha256Hex(body.value.token);
  const invitation = ctx.state.invitations.find((i) => i.token_sha256 === hash && i.status === 'pending' && now < i.expires_at);
  const enterprise = invitation ? findEnterprise(ctx.state, invitation.enterprise_id) : undefined;
  if (!invitation || !enterprise) return fail(ctx, CODE.invitation_invalid);

  let member = ctx.state.users.find((u) => u.email === invitation.email);
  if (!member) {
    const { key_id, password, nickname } = body.value;
    if (key_id === undefined || password === undefined) {
      const missing = [key_id === undefined && 'key_id', password === undefined && 'password'].filter((f): f is string => typeof f === 'string');
      return invalid(ctx, missing.map((field) => ({ field, reason: 'is required to create the account' })));
    }
    const opened = await openPasswords(ctx, key_id, [password]);
    if (!opened.ok) return opened.response;
    const weak = policyRefusal(ctx, opened.plain[0]!);
    if (weak) return weak;
    opened.record();
    const passwordHash = await ctx.hashPassword(opened.plain[0]!);
    member = newUserRecord({ email: invitation.email, password_hash: passwordHash, user_type: 'member', nickname, email_verified: true }, now, ctx.random);
    ctx.state.users.push(member);
  } else {
    // Linking needs the account's own session: an email alone must not hand an account to an enterprise.
    if (!auth.caller) return fail(ctx, CODE.unauthenticated);
    if (auth.caller.user !== member) return fail(ctx, CODE.forbidden);
    if (!joinable(member)) return fail(ctx, CODE.membership_conflict);
  }
  joinEnterprise(member, enterprise, invitation.role, now);
  invitation.status = 'accepted';
  return ok(memberView(member, now));
}

/** Only a personal account outside any enterprise can join one. */
function joinable(user: UserRecord): boolean {
  return user.user_type === 'personal' && user.enterprise_id === null;
}

function invitationView(record: InvitationRecord) {
  return {
    invitation_id: record.invitation_id,
    enterprise_id: record.enterprise_id,
    email: record.email,
    role: record.role,
    invited_by: record.invited_by,
    expires_at: iso(record.expires_at),
    created_at: iso(record.created_at),
  };
}
