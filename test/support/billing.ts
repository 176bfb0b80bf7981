import type { EpayParams } from '../../src/newapi/epay.js';
import type { NewApiHarness } from './harness.js';

/**
 * The n-th seeded common user that can log in, with its live database row.
 *
 * @example
 * const user = commonUser(api); user.row.aff_quota = 1_000_000;
 */
export function commonUser(api: NewApiHarness, nth = 0) {
  const account = api.server.accounts.filter((a) => a.role === 1)[nth]!;
  return { ...account, row: api.server.state.users.find((u) => u.username === account.username)! };
}

/** A request init that posts `fields` as an HTML form would (`application/x-www-form-urlencoded`). */
export function formInit(fields: Record<string, string>, extra: RequestInit = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), ...extra };
}

/** The path and query of an absolute URL, for `api.raw` (which prefixes the base URL). */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/**
 * The first `<form>` of a page as a browser would submit it: its action, method and hidden inputs (entities decoded).
 *
 * @example
 * const form = readForm(await checkout.text()); // { action: 'pay', method: 'post', fields: { pid: '1001', ... } }
 */
export function readForm(html: string): { action: string; method: string; fields: EpayParams } {
  const decode = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  const form = /<form method="(\w+)" action="([^"]*)">([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error('Failed to find a form in the page.');
  const fields: EpayParams = {};
  for (const input of form[3]!.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields[decode(input[1]!)] = decode(input[2]!);
  return { method: form[1]!, action: decode(form[2]!), fields };
}

/** Every quota of the state summed, soft-deleted users included. */
export function totalQuota(api: NewApiHarness): number {
  return api.server.state.users.reduce((sum, user) => sum + user.quota, 0);
}
