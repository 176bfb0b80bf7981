/**
 * Image captchas, exchanged for the single-use `captcha_token` that register and login need.
 * Routes under `/api/v1/auth/captcha`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PlatformClient } from '../client.js';
import type { Body, Data } from '../internal/types.js';
import { assertStrings } from '../internal/validate.js';

/** A captcha: its id, an SVG `data:` URI for `<img src>`, and when it expires (5 minutes). */
export interface Captcha extends Data<'/api/v1/auth/captcha', 'post'> {}
/** Body of `POST /api/v1/auth/captcha/verify`: the captcha id and what the user read. */
export interface CaptchaVerifyParams extends Body<'/api/v1/auth/captcha/verify', 'post'> {}
/** A single-use captcha token, valid 2 minutes. */
export interface CaptchaToken extends Data<'/api/v1/auth/captcha/verify', 'post'> {}

/** Issue a captcha, then trade the user's answer for a captcha token. */
export class Captchas extends Resource<PlatformClient> {
  /**
   * Issues a captcha of 4 characters drawn as SVG. It takes one answer. `POST /api/v1/auth/captcha`
   * @example
   * const captcha = await client.auth.captcha.create();
   * img.src = captcha.image;
   */
  create(options?: RequestOptions): ApiPromise<Captcha> {
    return this.client.request('post', '/api/v1/auth/captcha', {}, options);
  }

  /**
   * Checks the answer (case-insensitive) and answers a captcha token. The captcha is used up either way:
   * a wrong answer (40021) needs a new captcha. `POST /api/v1/auth/captcha/verify`
   * @example
   * const { captcha_token } = await client.auth.captcha.verify({ captcha_id: captcha.captcha_id, answer: 'K7WX' });
   */
  verify(params: CaptchaVerifyParams, options?: RequestOptions): ApiPromise<CaptchaToken> {
    return ApiPromise.try(() => {
      assertStrings(params, ['captcha_id', 'answer'], 'auth.captcha.verify');
      return this.client.request('post', '/api/v1/auth/captcha/verify', { body: params }, options);
    });
  }
}
