/**
 * Captchas and captcha tokens (decision 007): a captcha takes one answer within 5 minutes; a right answer
 * buys a single-use token that lives 2 minutes and is consumed by register, login or an anonymous
 * `reset_password` code, only once the request got past its body, key and ciphertext checks.
 * @module
 */
import { sha256Hex } from '../core/encoding.js';
import type { RequestContext } from '../core/types.js';
import { CAPTCHA_ALPHABET, captchaImage } from './captcha-image.js';
import { iso, newId, newSecret } from './ids.js';
import type { PlatformState } from './state.js';

type Ctx = RequestContext<PlatformState>;

export const CAPTCHA_TTL_MS = 5 * 60_000;
export const CAPTCHA_TOKEN_TTL_MS = 2 * 60_000;

/**
 * A new captcha, stored with its answer; expired ones are dropped on the way.
 *
 * @example
 * return ok(issueCaptcha(ctx), 201);
 */
export function issueCaptcha(ctx: Ctx): { captcha_id: string; image: string; expires_at: string } {
  const now = ctx.clock.now();
  for (const [id, captcha] of Object.entries(ctx.state.captchas)) if (now >= captcha.expires_at) delete ctx.state.captchas[id];
  const captchaId = newId('cap_', now, ctx.random);
  const answer = ctx.random.string(4, CAPTCHA_ALPHABET);
  const expiresAt = now + CAPTCHA_TTL_MS;
  ctx.state.captchas[captchaId] = { answer, expires_at: expiresAt };
  return { captcha_id: captchaId, image: captchaImage(answer, ctx.random), expires_at: iso(expiresAt) };
}

/**
 * Uses up the captcha and says how the answer fared: `invalid` (unknown, expired or already answered),
 * `wrong`, or a new token.
 *
 * @example
 * const result = await answerCaptcha(ctx, body.captcha_id, body.answer);
 */
export async function answerCaptcha(ctx: Ctx, captchaId: string, answer: string): Promise<{ kind: 'invalid' } | { kind: 'wrong' } | { kind: 'ok'; token: string; expires_at: string }> {
  const now = ctx.clock.now();
  const captcha = Object.hasOwn(ctx.state.captchas, captchaId) ? ctx.state.captchas[captchaId] : undefined;
  if (!captcha || now >= captcha.expires_at) return { kind: 'invalid' };
  // One answer per captcha, right or wrong: no enumerating answers against one picture.
  delete ctx.state.captchas[captchaId];
  if (answer.trim().toUpperCase() !== captcha.answer) return { kind: 'wrong' };
  for (const [hash, expiry] of Object.entries(ctx.state.captcha_tokens)) if (now >= expiry) delete ctx.state.captcha_tokens[hash];
  const token = newSecret('captcha_', ctx.random, 24);
  const expiresAt = now + CAPTCHA_TOKEN_TTL_MS;
  ctx.state.captcha_tokens[await sha256Hex(token)] = expiresAt;
  return { kind: 'ok', token, expires_at: iso(expiresAt) };
}

/**
 * Consumes a captcha token: `true` when it was valid (it is gone now), `false` when unknown, expired or used.
 *
 * @example
 * if (!(await consumeCaptchaToken(ctx, body.captcha_token))) return fail(ctx, CODE.captcha_token_invalid);
 */
export async function consumeCaptchaToken(ctx: Ctx, token: string | undefined): Promise<boolean> {
  if (token === undefined) return false;
  const hash = await sha256Hex(token);
  const expiry = Object.hasOwn(ctx.state.captcha_tokens, hash) ? ctx.state.captcha_tokens[hash] : undefined;
  if (expiry === undefined) return false;
  delete ctx.state.captcha_tokens[hash];
  return ctx.clock.now() < expiry;
}
