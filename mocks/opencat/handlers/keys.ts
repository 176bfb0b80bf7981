/**
 * Upstream keys: `GET|POST /1/keys`, `DELETE /1/keys/:id` (router.go `HandleKeys`, `HandleAddKey`,
 * `HandleDelKey`, c11824f). Keys are listed in plaintext and hard-deleted; their errors nest as
 * `{"error":{"message"}}`, except the delete's `{"error":"invalid key id"}`.
 * @module
 */
import { rawForReading } from '../../core/journal.js';
import type { RequestContext } from '../../core/types.js';
import { goDecode } from '../../go/json-bind.js';
import { errorObject, errorText, goJson, messageOk } from '../answers.js';
import { KEY_BODY } from '../bodies.js';
import { keyColumns } from '../key-rules.js';
import { digest, openKey, storedKey } from '../secrets.js';
import { uniqueFailed } from '../sqlite.js';
import { anyRow, nextId, type KeyRecord, type OpenCatState } from '../state.js';
import { toInt } from '../to-int.js';
import { keyView } from '../views.js';

type Ctx = RequestContext<OpenCatState>;

/** `GET /1/keys`: every key in id order, secrets included. */
export async function listKeys(ctx: Ctx): Promise<Response> {
  const { state } = ctx;
  const secrets = await Promise.all(state.keys.map((key) => openKey(ctx.random, key)));
  return goJson(state.keys.map((key, index) => keyView(state, key, secrets[index]!)));
}

/** `POST /1/keys` `{"key","name","api_type","endpoint"}`: answers the new row, read back by its name. */
export async function createKey(ctx: Ctx): Promise<Response> {
  const body = goDecode(await ctx.readText(), KEY_BODY);
  if (!body.ok) return errorObject(body.error, 400);
  const { key: secret, ...columns } = keyColumns(body.value);
  const { state } = ctx;
  const secretSha256 = digest(secret);
  // SQLite checks the last declared unique index first: `name` before `key` (docs/fidelity.md).
  const taken = anyRow(state.keys, (key) => key.name === columns.name) ? 'name' : anyRow(state.keys, (key) => key.key_sha256 === secretSha256) ? 'key' : undefined;
  if (taken) return errorObject(uniqueFailed('keys', taken), 500);
  const now = ctx.clock.now();
  const key: KeyRecord = { id: nextId(state.keys, state.next_key_id), ...(await storedKey(ctx.random, secret)), ...columns, deployment_name: '', created_at: now, updated_at: now };
  state.keys.push(key);
  state.next_key_id = key.id + 1;
  return goJson(keyView(state, key, secret));
}

/** `DELETE /1/keys/:id`: a hard delete; `{"message":"ok"}` whether or not the id existed. */
export function deleteKey(ctx: Ctx): Response {
  const id = toInt(ctx.params.id ?? '');
  if (id < 1) return errorText('invalid key id');
  const { state } = ctx;
  const index = rawForReading(state.keys).findIndex((key) => key.id === id);
  if (index !== -1) state.keys.splice(index, 1);
  return messageOk();
}
