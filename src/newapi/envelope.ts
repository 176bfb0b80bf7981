import type { EnvelopeReader } from '../core/envelope.js';
import type { ErrorKind } from '../core/errors/create-api-error.js';

/**
 * new-api answers nearly every business error with HTTP 200 and `success:false`, so the meaning
 * has to be read from the message. Each pattern covers the English (JUL26 default) and Chinese
 * (NOV25, BurnCloud, `Accept-Language: zh`) texts of upstream's messages.
 */
const KINDS: ReadonlyArray<[RegExp, ErrorKind]> = [
  [/access token|New-Api-User|banned|封禁|invalid user info|用户信息无效/i, 'authentication'],
  [/权限|无权|privilege|permission|administrators/i, 'permission'],
  [/not found|不存在|not exist/i, 'not_found'],
  [/already|已存在|已被占用|已注销/i, 'conflict'],
  [/无效的参数|invalid (param|input)|输入不合法|strconv|参数错误/i, 'validation'],
];

function kindOf(message: string): ErrorKind | undefined {
  return KINDS.find(([pattern]) => pattern.test(message))?.[1];
}

/**
 * Reads new-api's answers, all three shapes of them:
 * - the standard `{success, message, data}` envelope (a `success:false` in an HTTP 200 is an error);
 * - `/api/user/pay` and `/api/user/amount`, which say `{"message":"success"|"error","data":...}` with no `success`;
 * - an empty body on success (`DELETE /api/user/:id` in the NOV25 line BurnCloud runs).
 *
 * @example
 * newApiEnvelope({ success: false, message: 'record not found' }, response); // { ok: false, kind: 'not_found', ... }
 */
export const newApiEnvelope: EnvelopeReader = (body, response) => {
  if (body === undefined) {
    return response.ok ? { ok: true, data: undefined } : { ok: false, message: response.statusText || `HTTP ${response.status}` };
  }
  if (typeof body !== 'object' || body === null) {
    const text = String(body);
    return response.ok ? { ok: true, data: text } : { ok: false, message: text, kind: kindOf(text) };
  }
  const envelope = body as { success?: unknown; message?: unknown; data?: unknown };
  const message = typeof envelope.message === 'string' ? envelope.message : '';
  if (typeof envelope.success === 'boolean') {
    if (envelope.success && response.ok) return { ok: true, data: envelope.data };
    return { ok: false, message, kind: kindOf(message) };
  }
  // The payment endpoints' envelope: the verdict is in `message`, an error's text in `data`.
  if (message === 'success' && response.ok) return { ok: true, data: envelope.data };
  const detail = typeof envelope.data === 'string' ? envelope.data : message;
  return { ok: false, message: detail, kind: kindOf(detail) };
};
