import fc from 'fast-check';
import { expect, test } from 'vitest';
import { signEpayParams, type EpayParams } from '../../src/newapi/epay.js';
import type { EpayForm, NewApiClient } from '../../src/newapi/index.js';
import { commonUser } from '../support/billing.js';
import { useNewApi } from '../support/harness.js';

/**
 * Property: whatever sequence of redemptions, payments with their notifies (valid, repeated, forged), aff
 * transfers and account deletions three users go through, after every step no quota or aff_quota is negative,
 * each user's balances are exactly what a simple ledger predicts, every code and order is credited at most once,
 * and a forged or repeated notify changes nothing at all.
 */
const api = useNewApi();
const FAILED = 'Redemption failed, please try again later';
const UNIT = 500_000;

const user = fc.nat(2);
const step = fc.oneof(
  fc.record({ kind: fc.constant('redeem' as const), user, code: fc.integer({ min: -1, max: 7 }) }),
  fc.record({ kind: fc.constant('pay' as const), user, amount: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('notify' as const),
    order: fc.nat(9),
    variant: fc.constantFrom('valid', 'duplicate', 'wrong-key', 'tampered', 'unsigned', 'not-paid'),
  }),
  fc.record({ kind: fc.constant('sandbox' as const), order: fc.nat(9) }),
  fc.record({ kind: fc.constant('transfer' as const), user, quota: fc.integer({ min: 1, max: 3_000_000 }) }),
  fc.record({ kind: fc.constant('delete' as const), user, how: fc.constantFrom('self', 'admin') }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
const setup = fc.record({
  codeQuotas: fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 4 }),
  affQuotas: fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 3, maxLength: 3 }),
});

interface Ledger {
  ids: number[];
  clients: NewApiClient[];
  root: NewApiClient;
  quota: number[];
  aff: number[];
  initialQuota: number[];
  initialAff: number[];
  credited: number[];
  transferred: number[];
  /** Not soft-deleted (a deleted account's session still works, but credits reach nobody). */
  live: boolean[];
  /** Not hard-deleted (the row is gone). */
  present: boolean[];
  codes: Array<{ key: string; quota: number; used: boolean }>;
  orders: Array<{ user: number; amount: number; fields: EpayForm; paid: boolean; credits: number }>;
  others: number;
}

const quotaOfOthers = (ids: number[]) => api.server.state.users.filter((u) => !ids.includes(u.id)).reduce((s, u) => s + u.quota + u.aff_quota, 0);

async function arrange(plan: { codeQuotas: number[]; affQuotas: number[] }): Promise<Ledger> {
  await api.server.reset();
  const root = await api.loginAs('root');
  const rows = [0, 1, 2].map((nth) => commonUser(api, nth).row);
  rows.forEach((row, i) => (row.aff_quota = plan.affQuotas[i]!));
  const clients = await Promise.all(rows.map((row) => api.loginAs(row.username)));
  const codes = [];
  for (const quota of plan.codeQuotas) codes.push({ key: (await root.redemptions.create({ name: 'pbt', count: 1, quota }))[0]!, quota, used: false });
  const ids = rows.map((row) => row.id);
  return {
    ids, clients, root, codes, orders: [],
    quota: rows.map((r) => r.quota), aff: rows.map((r) => r.aff_quota), initialQuota: rows.map((r) => r.quota), initialAff: rows.map((r) => r.aff_quota),
    credited: [0, 0, 0], transferred: [0, 0, 0], live: [true, true, true], present: [true, true, true], others: quotaOfOthers(ids),
  };
}

function credit(ledger: Ledger, i: number, amount: number): void {
  if (!ledger.live[i]) return;
  ledger.quota[i]! += amount;
  ledger.credited[i]! += amount;
}

function notifyParams(ledger: Ledger, order: Ledger['orders'][number], variant: string, tradeNo: string): EpayParams {
  const { pid, out_trade_no, type, name, money } = order.fields;
  const status = variant === 'not-paid' ? 'WAIT_BUYER_PAY' : 'TRADE_SUCCESS';
  const key = variant === 'wrong-key' ? 'forged-key' : api.server.state.settings.EpayKey;
  const signed = signEpayParams({ pid, trade_no: tradeNo, out_trade_no, type, name, money, trade_status: status }, key);
  if (variant === 'tampered') return { ...signed, money: '999999.00' };
  if (variant === 'unsigned') return { pid, out_trade_no, trade_status: status };
  return signed;
}

async function notify(params: EpayParams): Promise<string> {
  return (await api.raw(`/api/user/epay/notify?${new URLSearchParams(params)}`)).text();
}

async function apply(ledger: Ledger, s: Step, index: number): Promise<void> {
  if (s.kind === 'redeem') {
    const code = s.code < 0 ? undefined : ledger.codes[s.code % ledger.codes.length];
    const result = await ledger.clients[s.user]!.topup.redeem(code?.key ?? 'ffffffffffffffffffffffffffffffff').catch((e: Error) => e);
    if (code && !code.used) {
      expect(result).toBe(code.quota);
      code.used = true;
      credit(ledger, s.user, code.quota);
    } else {
      expect((result as Error).message).toBe(FAILED);
    }
  } else if (s.kind === 'pay') {
    const { fields } = await ledger.clients[s.user]!.payments.create({ amount: s.amount, payment_method: 'alipay' });
    ledger.orders.push({ user: s.user, amount: s.amount, fields, paid: false, credits: 0 });
  } else if (s.kind === 'notify' || s.kind === 'sandbox') {
    const order = ledger.orders[s.order % Math.max(ledger.orders.length, 1)];
    if (!order) return;
    const variant = s.kind === 'sandbox' ? 'valid' : s.variant;
    const forged = ['wrong-key', 'tampered', 'unsigned'].includes(variant);
    const before = structuredClone(api.server.state);
    if (s.kind === 'sandbox') {
      const answer = (await (await api.raw(`/__mock/epay/orders/${order.fields.out_trade_no}/pay`, { method: 'POST' })).json()) as { answer: string };
      expect(answer.answer).toBe('success');
    } else {
      const params = notifyParams(ledger, order, variant, `T${index}`);
      expect(await notify(params)).toBe(forged ? 'fail' : 'success');
      if (variant === 'duplicate') {
        const afterFirst = structuredClone(api.server.state);
        expect(await notify(params)).toBe('success');
        expect(api.server.state).toEqual(afterFirst);
      }
    }
    if (forged || variant === 'not-paid' || order.paid) {
      expect(api.server.state).toEqual(before);
    } else {
      order.paid = true;
      order.credits += 1;
      credit(ledger, order.user, order.amount * UNIT);
    }
  } else if (s.kind === 'transfer') {
    const result = await ledger.clients[s.user]!.affiliate.transfer({ quota: s.quota }).catch((e: Error) => e);
    const ok = ledger.live[s.user] && s.quota >= UNIT && ledger.aff[s.user]! >= s.quota;
    expect(result instanceof Error ? result.message : 'ok').toBe(
      ok ? 'ok' : !ledger.live[s.user] ? 'record not found' : s.quota < UNIT ? 'Transfer failed 转移额度最小为＄1.000000 额度！' : 'Transfer failed 邀请额度不足！',
    );
    if (ok) {
      ledger.aff[s.user]! -= s.quota;
      ledger.quota[s.user]! += s.quota;
      ledger.transferred[s.user]! += s.quota;
    }
  } else if (s.how === 'self') {
    await ledger.clients[s.user]!.self.delete();
    ledger.live[s.user] = false;
  } else {
    const result = await ledger.root.users.delete(ledger.ids[s.user]!).catch((e: Error) => e);
    expect(result instanceof Error ? result.message : 'ok').toBe(ledger.live[s.user] ? 'ok' : 'record not found');
    if (ledger.live[s.user]) [ledger.live[s.user], ledger.present[s.user]] = [false, false];
  }
}

function check(ledger: Ledger): void {
  for (const row of api.server.state.users) {
    expect(row.quota, `quota of user ${row.id}`).toBeGreaterThanOrEqual(0);
    expect(row.aff_quota, `aff_quota of user ${row.id}`).toBeGreaterThanOrEqual(0);
  }
  let change = 0;
  let explained = 0;
  ledger.ids.forEach((id, i) => {
    const row = api.server.state.users.find((u) => u.id === id);
    if (!ledger.present[i]) return expect(row).toBeUndefined();
    expect({ quota: row!.quota, aff: row!.aff_quota }).toEqual({ quota: ledger.quota[i], aff: ledger.aff[i] });
    change += row!.quota - ledger.initialQuota[i]!;
    explained += ledger.credited[i]! + ledger.transferred[i]!;
    expect(ledger.initialAff[i]! - row!.aff_quota).toBe(ledger.transferred[i]);
  });
  // The brief's identity: credited orders + redeemed codes + transfers = the change of the total quota.
  expect(change).toBe(explained);
  expect(quotaOfOthers(ledger.ids)).toBe(ledger.others);
  for (const order of ledger.orders) expect(order.credits).toBeLessThanOrEqual(1);
  const paid = api.server.state.top_ups.filter((o) => o.status === 'success').map((o) => o.trade_no).sort();
  expect(paid).toEqual(ledger.orders.filter((o) => o.paid).map((o) => o.fields.out_trade_no).sort());
  const used = api.server.state.redemptions.filter((r) => r.status === 3).map((r) => r.key).sort();
  expect(used).toEqual(ledger.codes.filter((c) => c.used).map((c) => c.key).sort());
}

test('billing invariants: random redemptions, payments, notifies, transfers and deletions keep every balance exact', async () => {
  await fc.assert(
    fc.asyncProperty(setup, fc.array(step, { maxLength: 20 }), async (plan, steps) => {
      const ledger = await arrange(plan);
      check(ledger);
      for (const [index, s] of steps.entries()) {
        await apply(ledger, s, index);
        check(ledger);
      }
    }),
    { numRuns: 50 },
  );
}, 120_000);
