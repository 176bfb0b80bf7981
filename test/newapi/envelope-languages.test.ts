import { expect, test } from 'vitest';
import { MESSAGE_KEYS, t } from '../../mocks/newapi/messages.js';
import { newApiEnvelope } from '../../src/newapi/index.js';

/**
 * A message means the same in every language new-api speaks: the SDK's envelope must give each i18n'd message the
 * same error kind in English, simplified Chinese (also NOV25 / BurnCloud) and traditional Chinese.
 */
const kindOf = (message: string) => {
  const result = newApiEnvelope({ success: false, message }, new Response(null));
  return result.ok ? 'ok' : (result.kind ?? 'none');
};

test.each(MESSAGE_KEYS)('envelope: %s has one error kind in en, zh-CN and zh-TW', (key) => {
  const vars = { Error: "Key: 'User.Password' Error:Field validation for 'Password' failed on the 'min' tag", Max: '100' };
  const kinds = (['en', 'zh-CN', 'zh-TW'] as const).map((lang) => [lang, kindOf(t(lang, key, vars))]);
  expect(new Set(kinds.map(([, kind]) => kind)), JSON.stringify(kinds)).toHaveLength(1);
});
