import { PagePromise } from '../core/page.js';
import { UnsupportedOperationError } from './errors.js';
import type { Operation } from './operations.js';
import type { Dialect, Gateway, GatewayAdapter, GatewayOperations } from './types.js';

type Call = (...args: never[]) => unknown;
const LISTS: ReadonlySet<Operation> = new Set(['users.list', 'keys.list']);
// Which argument of a keys call carries `userId`: the params of list and create, the second argument of revoke.
const USER_PARAM: Partial<Record<Operation, number>> = { 'keys.list': 0, 'keys.create': 0, 'keys.revoke': 1 };

/**
 * The {@link Gateway} over an adapter. Every call goes through the adapter's capabilities: an unsupported one (or
 * a `userId` where `keys.forUser` is unsupported) rejects with `UnsupportedOperationError` before any request, so
 * what a UI reads from `capabilities` and what a call does cannot disagree.
 */
export function gatewayOf<D extends Dialect>(adapter: GatewayAdapter<D>): Gateway<D> {
  const { dialect, native, capabilities } = adapter;
  const call = (operation: Operation) => {
    const impl = (adapter.operations as Record<string, Call | undefined>)[operation];
    const capability = capabilities[operation];
    if (capability.supported && !impl) throw new TypeError(`The ${dialect} adapter says it supports ${operation} but does not implement it.`);
    return (...args: unknown[]) => {
      const index = USER_PARAM[operation];
      const forUser = index !== undefined && (args[index] as { userId?: unknown } | undefined)?.userId !== undefined;
      const refused = !capability.supported ? operation : forUser && !capabilities['keys.forUser'].supported ? 'keys.forUser' : undefined;
      if (refused === undefined) return (impl as (...a: unknown[]) => unknown)(...args);
      const error = new UnsupportedOperationError({ dialect, operation: refused, alternative: capabilities[refused].alternative ?? 'the dialect client (gateway.native)' });
      return LISTS.has(operation) ? new PagePromise(Promise.reject(error)) : Promise.reject(error);
    };
  };
  const op = <K extends keyof GatewayOperations>(operation: K) => call(operation) as GatewayOperations<D>[K];
  return {
    dialect,
    native,
    capabilities,
    me: op('me'),
    users: { list: op('users.list'), retrieve: op('users.retrieve'), create: op('users.create'), disable: op('users.disable'), enable: op('users.enable'), delete: op('users.delete') },
    keys: { list: op('keys.list'), create: op('keys.create'), revoke: op('keys.revoke') },
    quota: { retrieve: op('quota.retrieve'), set: op('quota.set'), add: op('quota.add'), reset: op('quota.reset') },
    usage: { summary: op('usage.summary') },
  };
}
