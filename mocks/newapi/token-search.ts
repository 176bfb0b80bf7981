/**
 * `model.SearchUserTokens`' pattern rules (FEB26+): `keyword` and `token` are SQL `LIKE` patterns used verbatim,
 * with `!` as the ESCAPE character. `!` and `_` are escaped, so `%` is the only wildcard and a pattern without it
 * matches exactly. The checks run on the escaped text and count bytes, as Go's `len` does.
 * @module
 */
import { sqlLike } from '../go/sql-like.js';

/** The three rejections, Chinese in every version that has them. */
export const PATTERN_ERRORS = {
  consecutive: '搜索模式中不允许包含连续的 % 通配符',
  tooMany: '搜索模式中最多允许包含 2 个 % 通配符',
  tooShort: '使用模糊搜索时，关键词长度至少为 2 个字符',
} as const;

/** A caller holding more than `MaxUserTokens` tokens may only search exactly. */
export const FUZZY_OVER_LIMIT = '令牌数量超过上限，仅允许精确搜索，请勿使用 % 通配符';

/**
 * `sanitizeLikePattern` + `validateLikePattern`: a matcher for the pattern, or the upstream error.
 *
 * @example
 * likePattern('%prod%'); // { ok: true, test: (name) => ... }
 * likePattern('%a%');    // { ok: false, error: '使用模糊搜索时，关键词长度至少为 2 个字符' }
 */
export function likePattern(input: string): { ok: true; test: (value: string) => boolean } | { ok: false; error: string } {
  const escaped = input.replaceAll('!', '!!').replaceAll('_', '!_');
  if (escaped.includes('%%')) return { ok: false, error: PATTERN_ERRORS.consecutive };
  const wildcards = escaped.split('%').length - 1;
  if (wildcards > 2) return { ok: false, error: PATTERN_ERRORS.tooMany };
  if (wildcards > 0 && new TextEncoder().encode(escaped.replaceAll('%', '')).length < 2) return { ok: false, error: PATTERN_ERRORS.tooShort };
  // Matched as the database does, the escaped text under `ESCAPE '!'`.
  const like = sqlLike(escaped, { escape: '!' });
  return { ok: true, test: (value) => like.test(value) };
}
