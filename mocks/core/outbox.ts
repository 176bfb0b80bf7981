/**
 * The outbox: the emails and SMS the reference server "sends", kept in state so tests (and the sandbox's
 * `GET /__mock/outbox`) can read the codes in them. A bounded ring, since anyone can make the server send mail
 * (verification codes, resets): at most {@link OUTBOX_CAPACITY} messages, the oldest dropped first.
 * @module
 */
import type { BaseState } from './types.js';

/** The most messages the outbox holds. */
export const OUTBOX_CAPACITY = 1000;
/**
 * How many of the oldest go at once when a message would overflow it, so the outbox always holds the newest 900.
 * Dropping in batches matters: every shift of the array is a journaled write per message (see core/journal.ts),
 * and dropping one per send cost more than the send itself.
 */
export const OUTBOX_DROP = 100;

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
 * Records a sent message and returns it; past {@link OUTBOX_CAPACITY}, the oldest {@link OUTBOX_DROP} go. Ids keep
 * counting.
 *
 * @example
 * sendMessage(ctx.state, { channel: 'email', to, subject: 'Verify', body: `Code: ${code}`, code }, ctx.clock.now());
 */
export function sendMessage(state: BaseState, message: Omit<OutboxMessage, 'id' | 'sent_at'>, now: number): OutboxMessage {
  const last = state.outbox[state.outbox.length - 1];
  const sent: OutboxMessage = { id: (last?.id ?? 0) + 1, ...message, sent_at: now };
  state.outbox.push(sent);
  if (state.outbox.length > OUTBOX_CAPACITY) state.outbox.splice(0, state.outbox.length - OUTBOX_CAPACITY + OUTBOX_DROP);
  return sent;
}
