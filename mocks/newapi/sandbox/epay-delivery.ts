/**
 * How the sandbox payment provider delivers a notify: to this server itself in-process, to a host the operator
 * allowed over the network, and nowhere else. A signed form names its own `notify_url`, and the signing key is
 * readable from `GET /__mock/settings`, so without this rule any page could make the sandbox fetch any URL.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { EpayParams } from 'gatewaykit/newapi/epay';
import type { NewApiState } from '../state.js';

type Ctx = RequestContext<NewApiState>;

/** Where a notify goes, or why it may not go there. */
export type NotifyTarget = { url: URL; own: boolean } | { refused: string };

/** What came back: the status, whether the merchant answered `success`, and (in-process only) its answer. */
export interface Delivery {
  status: number;
  success: boolean;
  /** The merchant's answer when it is this server; empty for a network notify, whose body is never shown. */
  answer: string;
}

/**
 * `notify_url` as a target: this server's own when its origin is the address the server is reached at or one it
 * is configured with (`ServerAddress`, `CustomCallbackAddress`); else allowed when its host is in
 * `allowNotifyHosts`; else refused.
 *
 * @example
 * const target = notifyTarget(ctx, params.notify_url);
 * if ('refused' in target) return errorPage(400, target.refused);
 */
export function notifyTarget(ctx: Ctx, notifyUrl: string): NotifyTarget {
  let url: URL;
  try {
    url = new URL(notifyUrl);
  } catch {
    return { refused: 'The notify_url is not a URL.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { refused: 'The notify_url is not an http(s) URL.' };
  const own = [ctx.serverUrl, ctx.settings.ServerAddress, ctx.settings.CustomCallbackAddress].some((address) => originOf(address) === url.origin);
  if (own || ctx.allowNotifyHosts.has(url.host)) return { url, own };
  return {
    refused:
      `The sandbox sends notifies only to itself, and ${url.host} is not this server. ` +
      `Please start it with --allow-notify-host ${url.host} (allowNotifyHosts) to notify that host.`,
  };
}

/**
 * Sends the notify as GET with the parameters in the query (what every Epay gateway and NOV25 accept). Over the
 * network it follows no redirect (an allowed host must not hand the request on to one that is not) and keeps
 * nothing of the answer but whether it was `success`.
 *
 * @example
 * const { success, status } = await deliver(ctx, target, signedParams);
 */
export async function deliver(ctx: Ctx, target: { url: URL; own: boolean }, params: EpayParams): Promise<Delivery> {
  const url = new URL(target.url);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const request = new Request(url, { method: 'GET' });
  try {
    if (target.own) {
      const response = await ctx.dispatch(request);
      const answer = (await response.text()).trim();
      return { status: response.status, success: answer === 'success', answer };
    }
    const response = await fetch(request, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return { status: response.status, success: (await response.text()).trim() === 'success', answer: '' };
  } catch {
    return { status: 0, success: false, answer: '' };
  }
}

function originOf(address: string): string | undefined {
  try {
    const { origin } = new URL(address);
    // `javascript:…` and other opaque URLs have the origin "null", which must not match another opaque one.
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
