/**
 * Groups a user may use (`service.GetUserUsableGroups`) and the map `GET /api/user/groups` and `/self/groups`
 * answer with (`controller.GetUserGroups`).
 * @module
 */
import type { GroupOptions } from './state.js';

/**
 * `UserUsableGroups`, adjusted by `GroupSpecialUsableGroup` for the user's group (`+:g` adds, `-:g` removes, a
 * plain `g` adds), plus the user's own group described `用户分组`.
 *
 * @example
 * usableGroups(state.groups, 'vip'); // { default: '默认分组', vip: 'vip分组' }
 */
export function usableGroups(groups: GroupOptions, userGroup: string): Record<string, string> {
  const usable = { ...groups.usable };
  if (userGroup === '') return usable;
  for (const [rule, desc] of Object.entries(groups.special_usable[userGroup] ?? {})) {
    if (rule.startsWith('-:')) delete usable[rule.slice(2)];
    else if (rule.startsWith('+:')) usable[rule.slice(2)] = desc;
    else usable[rule] = desc;
  }
  if (!(userGroup in usable)) usable[userGroup] = '用户分组';
  return usable;
}

/**
 * `{ group: { desc, ratio } }` for the usable groups that also have a ratio, keys sorted as Go writes a map; an
 * usable `auto` group has the string ratio `自动`.
 *
 * @example
 * groupsView(state.groups, ''); // { default: { desc: '默认分组', ratio: 1 }, vip: { desc: 'vip分组', ratio: 1 } }
 */
export function groupsView(groups: GroupOptions, userGroup: string): Record<string, { desc: string; ratio: number | string }> {
  const usable = usableGroups(groups, userGroup);
  const out: Record<string, { desc: string; ratio: number | string }> = {};
  for (const name of Object.keys(groups.ratio)) {
    const desc = usable[name];
    if (desc === undefined) continue;
    const ratio = groups.group_ratio[userGroup]?.[name] ?? groups.ratio[name]!;
    out[name] = { desc, ratio };
  }
  if ('auto' in usable) out.auto = { desc: usable.auto!, ratio: '自动' };
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]!]));
}
