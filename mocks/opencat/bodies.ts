/**
 * The request structs opencatd-open binds with `c.BindJSON` (`router.User`, `router.Key`), as the Go layer needs
 * them to reproduce `encoding/json`'s errors (`json: cannot unmarshal number into Go struct field User.name of
 * type string`). Every field is listed, since a wrongly typed `id` or `createdAt` fails the bind too.
 * @module
 */
import type { GoStruct } from '../go/json-bind.js';

/** `router.User`: the body of `POST /1/users`. */
export const USER_BODY = {
  qualified: 'router.User',
  name: 'User',
  fields: { IsDelete: 'bool', id: 'int', updatedAt: 'string', name: 'string', token: 'string', createdAt: 'string' },
} as const satisfies GoStruct;

/** `router.Key`: the body of `POST /1/keys`. */
export const KEY_BODY = {
  qualified: 'router.Key',
  name: 'Key',
  fields: { id: 'int', key: 'string', name: 'string', api_type: 'string', endpoint: 'string', updatedAt: 'string', createdAt: 'string' },
} as const satisfies GoStruct;
