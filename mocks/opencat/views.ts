/**
 * The JSON shapes of opencatd-open, field for field in `encoding/json`'s order: `store.User` (lists, create,
 * reset), `router.User` (init, me), `store.Key` and `store.CalcUsage`.
 * @module
 */
import { goRfc3339, goRfc3339Nano } from '../core/time-format.js';
import { goStruct, type GoStructJson } from '../go/json-encode.js';
import type { KeyRecord, OpenCatState, UserRecord } from './state.js';
import { zoneOffset } from './zone.js';

/** A zero `time.Time`, as the embedded `gorm.Model` times always are. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * `store.User`: the embedded `gorm.Model` first (untagged, zero: gorm fills the shallower outer fields), then
 * `IsDelete` (never set) and the tagged fields, times RFC 3339 with their fraction.
 *
 * @example
 * goJson(storeUserView(state, user, await openToken(ctx.random, user)));
 */
export function storeUserView(state: OpenCatState, user: UserRecord, token: string): GoStructJson {
  const offset = zoneOffset(state.settings.TimeZone);
  return goStruct([
    { name: 'ID', value: 0 },
    { name: 'CreatedAt', value: ZERO_TIME },
    { name: 'UpdatedAt', value: ZERO_TIME },
    { name: 'DeletedAt', value: null },
    { name: 'IsDelete', value: false },
    { name: 'id', value: user.id, omitempty: true },
    { name: 'name', value: user.name, omitempty: true },
    { name: 'token', value: token, omitempty: true },
    { name: 'createdAt', value: goRfc3339Nano(user.created_at, offset) },
    { name: 'updatedAt', value: goRfc3339Nano(user.updated_at, offset) },
  ]);
}

/**
 * `router.User`, every field `omitempty` and times cut to the second (`Format(time.RFC3339)`); `IsDelete` is
 * false, so never written.
 *
 * @example
 * goJson(trimmedUserView(state, root, token));
 */
export function trimmedUserView(state: OpenCatState, user: UserRecord, token: string): GoStructJson {
  const offset = zoneOffset(state.settings.TimeZone);
  return goStruct([
    { name: 'id', value: user.id, omitempty: true },
    { name: 'updatedAt', value: goRfc3339(user.updated_at, offset), omitempty: true },
    { name: 'name', value: user.name, omitempty: true },
    { name: 'token', value: token, omitempty: true },
    { name: 'createdAt', value: goRfc3339(user.created_at, offset), omitempty: true },
  ]);
}

/**
 * `store.Key`: `id`, `key`, `name` are `omitempty`; the untagged columns keep their Go names (`ResourceNmae`
 * sic); `UserId`'s tag `"-,omitempty"` names a key `-`, never set by the API, so never written.
 *
 * @example
 * goJson(keyView(state, row, await openKey(ctx.random, row)));
 */
export function keyView(state: OpenCatState, key: KeyRecord, secret: string): GoStructJson {
  const offset = zoneOffset(state.settings.TimeZone);
  return goStruct([
    { name: 'id', value: key.id, omitempty: true },
    { name: 'key', value: secret, omitempty: true },
    { name: 'name', value: key.name, omitempty: true },
    { name: 'ApiType', value: key.api_type },
    { name: 'EndPoint', value: key.endpoint },
    { name: 'ResourceNmae', value: key.resource_name },
    { name: 'DeploymentName', value: key.deployment_name },
    { name: 'createdAt', value: goRfc3339Nano(key.created_at, offset) },
    { name: 'updatedAt', value: goRfc3339Nano(key.updated_at, offset) },
  ]);
}

/**
 * `store.CalcUsage`, every field `omitempty`: a `totalUnit` (or `userId`) of 0 is left out.
 *
 * @example
 * usageView({ user_id: 2, total_unit: 0, cost: '0.000000' }); // marshals as {"userId":2,"cost":"0.000000"}
 */
export function usageView(usage: { user_id: number; total_unit: number; cost: string }): GoStructJson {
  return goStruct([
    { name: 'userId', value: usage.user_id, omitempty: true },
    { name: 'totalUnit', value: usage.total_unit, omitempty: true },
    { name: 'cost', value: usage.cost, omitempty: true },
  ]);
}
