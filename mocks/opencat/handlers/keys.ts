/**
 * Upstream keys: `GET|POST /1/keys`, `DELETE /1/keys/:id` (router.go `HandleKeys`, `HandleAddKey`,
 * `HandleDelKey`, c11824f). Keys are listed in plaintext and hard-deleted; their errors nest as
 * `{"error":{"message"}}`, except the delete's `{"error":"invalid key id"}`.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import { goDecode } from '../../go/json-bind.js';
import { errorObject, errorText, goJson, messageOk } from '../answers.js';
import { KEY_BODY } from '../bodies.js';
import { keyColumns } from '../key-rules.js';
import { uniqueFailed } from '../sqlite.js';
import type { KeyRecord, OpenCatState } from '../state.js';
import { toInt } from '../to-int.js';
import { keyView } from '../views.js';

type Ctx = RequestContext<OpenCatState>;

/** `GET /1/keys`: every key in id order, secrets included. */
export function listKeys(ctx: Ctx): Response {
  const { state } = ctx;
  return goJson(state.keys.map((key) => keyView(state, key)));
}

/** `POST /1/keys` `{"key","name","api_type","endpoint"}`: answers the new row, read back by its name. */
export async function createKey(ctx: Ctx): Promise<Response> {
  const body = goDecode(await ctx.readText(), KEY_BODY);
  if (!body.ok) return errorObject(body.error, 400);
  const columns = keyColumns(body.value);
  const { state } = ctx;
  // SQLite checks the last declared unique index first: `name` before `key` (docs/fidelity.md).
  const taken = state.keys.some((key) => key.name === columns.name) ? 'name' : state.keys.some((key) => key.key === columns.key) ? 'key' : undefined;
  if (taken) return errorObject(uniqueFailed('keys', taken), 500);
  const now = ctx.clock.now();
  const key: KeyRecord = { id: state.next_key_id, ...columns, deployment_name: '', created_at: now, updated_at: now };
  state.keys.push(key);
  state.next_key_id += 1;
  return goJson(keyView(state, key));
}

/** `DELETE /1/keys/:id`: a hard delete; `{"message":"ok"}` whether or not the id existed. */
export function deleteKey(ctx: Ctx): Response {
  const id = toInt(ctx.params.id ?? '');
  if (id < 1) return errorText('invalid key id');
  const { state } = ctx;
  const index = state.keys.findIndex((key) => key.id === id);
  if (index !== -1) state.keys.splice(index, 1);
  return messageOk();
}
