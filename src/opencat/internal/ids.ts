import type { IdKind } from '../../core/ids.js';

/**
 * A user or key id: a non-negative safe integer, or its decimal text (the document types the path param as text,
 * since upstream parses any text with `to.Int`; the resources send the number's text). Not the positive `integerId` of new-api, because the edge
 * implementation (opencatd_worker) keeps its root user at id 0, and `users.resetToken(0)` is how its root gets a
 * new token; opencatd-open answers 0 itself ("invalid user id", "record not found").
 */
export const openCatId: IdKind = {
  expected: 'a non-negative integer',
  echo: true,
  test: (value) => (typeof value === 'number' ? Number.isSafeInteger(value) && value >= 0 : typeof value === 'string' && /^(0|[1-9]\d{0,15})$/.test(value) && Number.isSafeInteger(Number(value))),
};
