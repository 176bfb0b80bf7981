import { existsSync } from 'node:fs';
import { expect, expectTypeOf, test } from 'vitest';
import type { Dialect, DialectErrors } from '../../mocks/core/types.js';
import { DIALECTS } from '../../mocks/dialects.js';
import { createReferenceServer, DIALECT_NAMES, type DialectName } from '../../mocks/index.js';
import { tinyDialect, type TinyState } from './tiny-dialect.js';

/** What the plumbing reads from every dialect: the list a new dialect is checked against. */
const REQUIRED = ['name', 'routes', 'errors', 'seed', 'settingsSchema', 'stateSchema', 'contract', 'sandbox'] as const;
const HOOKS = ['notFound', 'methodNotAllowed', 'emptyBody', 'invalidJson', 'notObject', 'bodyTooLarge', 'internal', 'fault'] as const;
const entries = Object.entries(DIALECTS) as [DialectName, Dialect<any, any, any>][];

test('dialects: the registry is what the reference server and the CLI serve', () => {
  expect(DIALECT_NAMES).toEqual(Object.keys(DIALECTS));
});

test.each(entries)('dialects: %s provides everything the core, the CLI and the harness read', (name, dialect) => {
  for (const field of REQUIRED) expect(dialect[field], field).toBeDefined();
  expect(dialect.name).toBe(name);
  expect(dialect.routes.length).toBeGreaterThan(0);
  for (const hook of HOOKS) expect(hook in dialect.errors, `errors.${hook}`).toBe(true);
  expect(existsSync(dialect.contract), dialect.contract).toBe(true);
  expect(Number.isInteger(dialect.sandbox.port)).toBe(true);
  expect(dialect.sandbox.example('http://127.0.0.1:1')).toContain('http://127.0.0.1:1');
});

test('dialects: each sandbox has a port of its own', () => {
  const ports = entries.map(([, d]) => d.sandbox.port);
  expect(new Set(ports).size).toBe(ports.length);
});

test.each(entries)('dialects: %s seeds a state that its own schemas accept', async (name) => {
  const server = createReferenceServer({ dialect: name, seed: 1, clock: { frozen: true } });
  await server.ready;
  const dialect = DIALECTS[name] as Dialect<any, any, any>;
  // The state schema may check asynchronously (platform imports each RSA key), as the control API runs it.
  expect((await dialect.stateSchema.safeParseAsync(JSON.parse(JSON.stringify(server.state)))).success).toBe(true);
  expect(dialect.settingsSchema.safeParse(server.state.settings).success).toBe(true);
  expect(dialect.settingsSchema.safeParse({ NoSuchSetting: true }).success).toBe(false);
});

test('dialects: a dialect that leaves out a field or an error hook does not compile', () => {
  const { sandbox: _sandbox, ...withoutSandbox } = tinyDialect;
  // @ts-expect-error sandbox is required
  const missing: Dialect<TinyState> = withoutSandbox;
  const { emptyBody: _emptyBody, ...withoutHook } = tinyDialect.errors;
  // @ts-expect-error every body hook is required; a dialect decides each
  const hooks: DialectErrors<TinyState> = withoutHook;
  expect([missing, hooks]).toHaveLength(2);
  expectTypeOf<keyof DialectErrors>().toEqualTypeOf<(typeof HOOKS)[number]>();
  expectTypeOf<(typeof REQUIRED)[number]>().toExtend<keyof Dialect<TinyState>>();
});
