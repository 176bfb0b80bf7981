/**
 * What upstream's foreign keys do when rows go (`src/models/database.py`): a user's keys go with the user
 * (`api_keys.user_id` ON DELETE CASCADE, and `delete_user` deletes them itself), while usage rows stay, their
 * `user_id` and `api_key_id` set to NULL (ON DELETE SET NULL), so the statistics keep counting them.
 * @module
 */
import type { AetherApiKey, AetherState } from './state.js';

/**
 * Deletes these keys and leaves their usage rows ownerless of them.
 *
 * @example
 * deleteKeys(ctx.state, [key]);
 */
export function deleteKeys(state: AetherState, keys: readonly AetherApiKey[]): void {
  const gone = new Set(keys.map((key) => key.id));
  if (gone.size === 0) return;
  for (let index = state.api_keys.length - 1; index >= 0; index--) if (gone.has(state.api_keys[index]!.id)) state.api_keys.splice(index, 1);
  for (const usage of state.usages) if (usage.api_key_id !== null && gone.has(usage.api_key_id)) usage.api_key_id = null;
}

/**
 * Deletes a user with every key they own (standalone keys they issued included); their usage rows stay.
 *
 * @example
 * deleteUserRow(ctx.state, user.id);
 */
export function deleteUserRow(state: AetherState, userId: string): void {
  deleteKeys(state, state.api_keys.filter((key) => key.user_id === userId));
  for (const usage of state.usages) if (usage.user_id === userId) usage.user_id = null;
  const index = state.users.findIndex((user) => user.id === userId);
  if (index >= 0) state.users.splice(index, 1);
}
