/**
 * The outbox: every email and SMS the reference server "sends", kept in state so tests (and the sandbox's
 * `GET /__mock/outbox`) can read the codes in them.
 * @module
 */
import type { BaseState } from './types.js';

/** One message the server sent. */
export interface OutboxMessage {
  id: number;
  channel: 'email' | 'sms';
  to: string;
  subject: string;
  body: string;
  /** The verification or reset code the message carries, when it carries one. */
  code?: string;
  /** Epoch milliseconds. */
  sent_at: number;
}

/**
 * Records a sent message and returns it.
 *
 * @example
 * sendMessage(ctx.state, { channel: 'email', to, subject: 'Verify', body: `Code: ${code}`, code }, ctx.clock.now());
 */
export function sendMessage(state: BaseState, message: Omit<OutboxMessage, 'id' | 'sent_at'>, now: number): OutboxMessage {
  const last = state.outbox[state.outbox.length - 1];
  const sent: OutboxMessage = { id: (last?.id ?? 0) + 1, ...message, sent_at: now };
  state.outbox.push(sent);
  return sent;
}
