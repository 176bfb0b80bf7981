import { expect, test } from 'vitest';
import { isRfc3339 } from '../../mocks/go/time.js';

test.each(['2006-01-02T15:04:05Z', '2006-01-02T15:04:05+07:00', '2024-02-29T23:59:59.123456789-23:59', '0001-01-01T00:00:00Z', '2023-05-28T18:47:19.711027498+08:00'])(
  'isRfc3339: %s parses with time.RFC3339',
  (text) => {
    expect(isRfc3339(text)).toBe(true);
  },
);

test.each(['2006-01-02 15:04:05Z', '2006-01-02T15:04Z', '2006-01-02t15:04:05z', '2023-02-29T00:00:00Z', '2006-13-02T15:04:05Z', '2006-01-02T24:00:00Z', '2006-01-02T15:04:05+0700', '2006-01-02T15:04:05+24:00', '2006-01-02T15:04:05'])(
  'isRfc3339: %s is refused by time.RFC3339',
  (text) => {
    expect(isRfc3339(text)).toBe(false);
  },
);
