/**
 * Online top-up through Epay: price preview, order creation (a signed form for the provider) and the top-up
 * page's settings. Routes `/api/user/amount`, `/api/user/pay`, `/api/user/topup/info`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import { assertId, assertString } from '../../core/validate.js';
import type { NewApiCore } from '../core.js';
import type { Body, Data, Schema } from '../internal/types.js';

/** Body of `POST /api/user/amount`: the amount in display units (USD). */
export interface PaymentPreviewParams extends Body<'/api/user/amount', 'post'> {}
/** Body of `POST /api/user/pay`: the amount and a `payment_method` from `info().pay_methods`. */
export interface PaymentCreateParams extends Body<'/api/user/pay', 'post'> {}
/** The signed fields of an Epay order form. */
export interface EpayForm extends Schema<'EpayForm'> {}
/** What the top-up page offers: pay methods, minimum, amount options, discounts, switches. */
export interface TopUpInfo extends Data<'/api/user/topup/info', 'get'> {}

/** An order's payment form: post `fields` to `url` (a browser form submit), and the provider takes over. */
export interface PaymentForm {
  /** The provider's checkout, `<PayAddress>/submit.php`. */
  url: string;
  fields: EpayForm;
}

/** Pay for quota. The server credits it when the provider's signed notify arrives, once per order. */
export class Payments extends Resource<NewApiCore> {
  /**
   * The price of `amount` units, with 2 decimals (`"7.30"`), as the provider will charge it. `POST /api/user/amount`
   * @example
   * const price = await client.payments.preview({ amount: 10 }); // '73.00'
   */
  preview(params: PaymentPreviewParams, options?: RequestOptions): ApiPromise<string> {
    return ApiPromise.try(() => {
      assertId('amount', params?.amount, 'payments.preview');
      return this.client.request('post', '/api/user/amount', { body: params }, options);
    });
  }

  /**
   * Creates a pending order and returns its signed form. In a browser, post it as a form so the user lands on
   * the provider's page. `POST /api/user/pay`
   * @example
   * const { url, fields } = await client.payments.create({ amount: 10, payment_method: 'alipay' });
   * const form = Object.assign(document.createElement('form'), { method: 'POST', action: url });
   * for (const [name, value] of Object.entries(fields)) form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
   * document.body.append(form);
   * form.submit();
   */
  create(params: PaymentCreateParams, options?: RequestOptions): ApiPromise<PaymentForm> {
    return ApiPromise.try(() => {
      assertId('amount', params?.amount, 'payments.create');
      assertString('payment_method', params.payment_method, 'payments.create');
      // The envelope reader hands `/pay`'s answer on whole, `{ url, data }` (see newApiEnvelope).
      return this.client.request('post', '/api/user/pay', { body: params }, options).map((data) => {
        const answer = data as unknown as { url: string; data: EpayForm };
        return { url: answer.url, fields: answer.data };
      });
    });
  }

  /**
   * The top-up page's settings: whether online payment and redemption are on, pay methods, minimum, amount
   * options and discounts. `GET /api/user/topup/info`
   * @example
   * const { pay_methods, min_topup } = await client.payments.info();
   */
  info(options?: RequestOptions): ApiPromise<TopUpInfo> {
    return this.client.request('get', '/api/user/topup/info', {}, options);
  }
}
