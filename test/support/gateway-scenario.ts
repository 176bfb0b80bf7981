/**
 * What the one gateway scenario (test/gateway/scenario.test.ts) needs to know per dialect: how to authenticate,
 * what a new user looks like there, what the dialect's own client answers for the same objects (so `raw` can be
 * checked against it), and how the sandbox records spending. The scenario itself never looks at the dialect.
 * @module
 */
import type { DialectName } from '../../mocks/index.js';
import { Money } from '../../src/gateway/money.js';
import type { Dialect, Gateway, GatewayRole, GatewayUser, GatewayUserCreateParams } from '../../src/gateway/types.js';
import { aetherGateway, newApiGateway, openCatGateway, platformGateway } from '../gateway/support.js';
import { useReferenceServer, type ServerLifecycle } from './lifecycle.js';

/** One dialect's side of the scenario. */
export interface ScenarioFixture<D extends Dialect = Dialect> {
  readonly dialect: D;
  readonly life: ServerLifecycle<D & DialectName>;
  /** Connects as the seeded administrator. */
  connect(): Promise<Gateway<D>>;
  /** The administrator's normalized role. */
  adminRole: GatewayRole;
  newUser: GatewayUserCreateParams;
  newUserRole: GatewayRole;
  /** What the dialect's own client answers for the caller, and for one user (the answers `raw` must equal). */
  nativeMe(gateway: Gateway<D>): Promise<unknown>;
  nativeUser(gateway: Gateway<D>, id: string): Promise<unknown>;
  /** What the dialect's own client answers for the user's quota. @default nativeUser */
  nativeQuota?(gateway: Gateway<D>, id: string): Promise<unknown>;
  /** The dialect's own key list of the user (or the caller's, without `userId`). */
  nativeKeys(gateway: Gateway<D>, userId?: string): Promise<unknown[]>;
  /** A user to carry on with where the dialect cannot create one (`users.create` unsupported). */
  existingUser?(gateway: Gateway<D>): Promise<GatewayUser>;
  /** A quota in the dialect's unit to set, and one to add to it. */
  quota?: { set: Money; add: Money };
  /** Records what the user's requests would have cost (the sandbox's control API) at the server's now; answers the cost. */
  spend?(userId: string): Promise<Money>;
}

/** The fixed instant every run starts at, so day boundaries never depend on when the suite runs. */
export const SCENARIO_NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

const post = (life: ServerLifecycle<DialectName>, path: string, body: unknown) =>
  life.raw(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (response) => {
    if (!response.ok) throw new Error(`Failed to POST ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  });

/** The newapi side: the seeded root logs in; keys are the caller's own tokens; no usage route to spend through. */
export function newApiScenario(): ScenarioFixture<'newapi'> {
  const life = useReferenceServer('newapi');
  return {
    dialect: 'newapi',
    life,
    connect: () => newApiGateway(life),
    adminRole: 'owner',
    newUser: { name: 'mei_chen', password: 'Blue-lotus-42' },
    newUserRole: 'user',
    nativeMe: (gateway) => gateway.native.self.retrieve(),
    nativeUser: (gateway, id) => gateway.native.users.retrieve(Number(id)),
    nativeKeys: async (gateway) => (await gateway.native.tokens.list()).items,
    quota: { set: Money.of('quota', 1_000_000), add: Money.of('quota', 250_000) },
  };
}

/**
 * The platform side: the enterprise owner logs in with a solved captcha. The platform creates members only by
 * invitation, so the scenario takes a seeded member where `users.create` is unsupported.
 */
export function platformScenario(): ScenarioFixture<'platform'> {
  const life = useReferenceServer('platform');
  return {
    dialect: 'platform',
    life,
    connect: () => platformGateway(life),
    adminRole: 'owner',
    newUser: { name: 'mei_chen', email: 'mei@example.com' },
    newUserRole: 'member',
    existingUser: async (gateway) => (await gateway.users.list({ pageSize: 100 })).items.find((user) => user.role === 'member')!,
    nativeMe: (gateway) => gateway.native.users.me.retrieve(),
    nativeUser: async (gateway, id) => (await gateway.native.members.list({ pageSize: 100 })).items.find((member) => member.member_id === id),
    nativeQuota: (gateway, id) => gateway.native.members.retrieveQuota(id),
    nativeKeys: async (gateway) => (await gateway.native.apiKeys.list()).items,
    quota: { set: Money.of('tokens', 200_000), add: Money.of('tokens', 50_000) },
  };
}

/** The aether side: the bootstrap admin logs in by email; usage rows go in through `POST /__mock/usages`. */
export function aetherScenario(): ScenarioFixture<'aether'> {
  const life = useReferenceServer('aether');
  return {
    dialect: 'aether',
    life,
    connect: () => aetherGateway(life),
    adminRole: 'admin',
    newUser: { name: 'mei_chen', email: 'mei@example.com', password: 'Blue-lotus-42' },
    newUserRole: 'user',
    nativeMe: (gateway) => gateway.native.me.retrieve(),
    nativeUser: (gateway, id) => gateway.native.users.retrieve(id),
    nativeKeys: async (gateway, userId) => (userId === undefined ? (await gateway.native.me.apiKeys.list()).items : (await gateway.native.users.apiKeys.list(userId)).api_keys),
    quota: { set: Money.of('usd', '12.5'), add: Money.of('usd', '0.1') },
    spend: async (userId) => {
      await post(life, '/__mock/usages', { user_id: userId, model: 'gpt-4o', total_tokens: 1200, total_cost_usd: 0.25 });
      return Money.of('usd', 0.25);
    },
  };
}

/** The opencat side: root's seeded token; usage goes in per day through `POST /__mock/usages`. */
export function openCatScenario(): ScenarioFixture<'opencat'> {
  const life = useReferenceServer('opencat');
  return {
    dialect: 'opencat',
    life,
    connect: () => openCatGateway(life),
    adminRole: 'owner',
    newUser: { name: 'mei_chen' },
    newUserRole: 'member',
    nativeMe: (gateway) => gateway.native.users.me(),
    nativeUser: async (gateway, id) => (await gateway.native.users.list()).items.find((user) => String(user.id) === id),
    nativeKeys: async (gateway, userId) => (userId === undefined ? [await gateway.native.users.me()] : (await gateway.native.users.list()).items.filter((user) => String(user.id) === userId)),
    spend: async (userId) => {
      const date = new Date(life.server.clock.now()).toISOString().slice(0, 10);
      const row = await post(life, '/__mock/usages', { user_id: Number(userId), model: 'gpt-4o', prompt_units: 1000, completion_units: 500, cost: '0.012500', date });
      return Money.of('usd', row.cost as string);
    },
  };
}
