/**
 * Version 4 UUIDs drawn from the server's {@link Random}, so a seeded server hands out the same ids in the same
 * order on every run (`crypto.randomUUID()` cannot be seeded). RFC 9562 §5.4: 122 random bits, the version nibble
 * `4`, the variant bits `10`.
 * @module
 */
import { toHex } from './encoding.js';
import type { Random } from './random.js';

/**
 * The 16 bytes of a v4 UUID. Draws exactly 16 bytes from `random`.
 *
 * @example
 * uuidV4Bytes(ctx.random)[6] >> 4; // 4
 */
export function uuidV4Bytes(random: Random): Uint8Array {
  return asUuidV4(random.bytes(16));
}

/**
 * `bytes` (16 of them, changed in place) with the version and variant bits of a v4 UUID set.
 *
 * @example
 * asUuidV4(new Uint8Array(16))[6]; // 0x40
 */
export function asUuidV4(bytes: Uint8Array): Uint8Array {
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return bytes;
}

/**
 * A v4 UUID as 32 lowercase hex digits, as Go's `uuid.New().String()` without its dashes.
 *
 * @example
 * uuidV4Hex(ctx.random); // '9b2f0c1e8a7d4e3fb1c2d3e4f5a6b7c8'
 */
export function uuidV4Hex(random: Random): string {
  return toHex(uuidV4Bytes(random));
}

/**
 * A v4 UUID in its canonical 36-character form (`8-4-4-4-12`, lowercase), as `uuid.NewString()` and Python's
 * `str(uuid.uuid4())` write it.
 *
 * @example
 * uuidV4(ctx.random); // 'df5982d6-d8fb-4eef-a513-24d0831f61ad'
 */
export function uuidV4(random: Random): string {
  return uuidText(uuidV4Hex(random));
}

/**
 * 32 hex digits in the canonical 8-4-4-4-12 form.
 *
 * @example
 * uuidText('df5982d6d8fb4eefa51324d0831f61ad'); // 'df5982d6-d8fb-4eef-a513-24d0831f61ad'
 */
export function uuidText(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
