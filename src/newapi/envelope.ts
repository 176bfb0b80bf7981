import type { EnvelopeReader } from '../core/envelope.js';
import type { ErrorKind } from '../core/errors/create-api-error.js';

/**
 * new-api answers nearly every business error with HTTP 200 and `success:false`, so the meaning
 * has to be read from the message. Each pattern covers the English (JUL26 default), simplified
 * Chinese (NOV25, BurnCloud, `Accept-Language: zh`) and traditional Chinese (`zh-TW`) texts of
 * upstream's messages, so a message means the same whatever the language.
 */
const KINDS: ReadonlyArray<[RegExp, ErrorKind]> = [
  [/access token|New-Api-User|banned|封禁|invalid user info|用户信息无效|使用者資訊無效/i, 'authentication'],
  [/[权權]限|[无無][权權]|privilege|permission|administrators|[无無]法提升/i, 'permission'],
  [/not found|不存在|not exist/i, 'not_found'],
  [/already|已存在|已被占用|已[注註][销銷]|已[经經]是/i, 'conflict'],
  [/[无無]效的[参參][数數]|invalid (param|input)|[输輸]入不合法|strconv|参数错误/i, 'validation'],
  // Go decoder errors and the token, 2FA and search rules (`cannot unmarshal`, name length, quota range, code format).
  // Redemption codes and payments (the payment routes' reasons are Chinese in every language).
  [/name length must be|count must be greater|codes can be generated at once|cannot be earlier than|[兑兌][换換][码碼]名[称稱]|[兑兌][换換][码碼][个個][数數]|批量生成的[个個][数數]|[过過]期[时時][间間]不能早|不能[为為][负負][数數]|充值[数金][量额]/i, 'validation'],
  [/cannot unmarshal|^(unexpected )?EOF$|^invalid character|too long|名[称稱][过過][长長]|cannot be negative|不能[为為][负負][数數]|exceeds valid range|超出有效[范範][围圍]|Too many items|批[量次][请請]求|验证码[必只]|搜索模式|模糊搜索/i, 'validation'],
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
  // The payment endpoints' envelope: the verdict is in `message`, an error's text in `data`. `/pay` puts the
  // form's action in a top-level `url`, so its answer is handed on whole, as `{ url, data }`.
  if (message === 'success' && response.ok) {
    const { url } = envelope as { url?: unknown };
    return { ok: true, data: typeof url === 'string' ? { url, data: envelope.data } : envelope.data };
  }
  const detail = typeof envelope.data === 'string' ? envelope.data : message;
  return { ok: false, message: detail, kind: kindOf(detail) };
};
