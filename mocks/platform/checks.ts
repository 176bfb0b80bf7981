/**
 * Value checks the contract names: the password policy, the resident id card (GB 11643), the unified social
 * credit code (GB 32100) and IP / CIDR allow-list entries. Pure functions, no Node APIs.
 * @module
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The password policy on a decrypted password: 8–32 printable ASCII characters with at least one letter and
 * one digit. Applied to passwords being set (register, change, reset, invitation), never at login.
 *
 * @example
 * meetsPasswordPolicy('Aa123456!'); // true
 */
export function meetsPasswordPolicy(password: string): boolean {
  return /^[\x20-\x7e]{8,32}$/.test(password) && /[A-Za-z]/.test(password) && /\d/.test(password);
}

/**
 * An 18-character resident id: a real birth date (not in the future, from 1900 on) and the GB 11643 check
 * character (a lower-case `x` reads as `X`).
 *
 * @example
 * isValidIdCard('11010119900307803X', Date.now()); // true
 */
export function isValidIdCard(value: string, nowMs: number): boolean {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = Date.UTC(year, month - 1, day);
  const date = new Date(birth);
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || birth > nowMs) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17];
}

/**
 * A unified social credit code: 18 characters of the GB 32100 alphabet (no I, O, S, V, Z) with a valid
 * check character.
 *
 * @example
 * isValidCreditCode('91350100M000100Y43'); // true
 */
export function isValidCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(value[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31] === value[17];
}

/**
 * The check character that completes the first 17 characters of a credit code (for seed data).
 *
 * @example
 * creditCodeCheck('91350100M000100Y4'); // '3'
 */
export function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * An IPv4 or IPv6 address, or a CIDR range of either (`10.0.0.0/8`, `2001:db8::/32`).
 *
 * @example
 * isIpOrCidr('192.168.1.0/24'); // true
 */
export function isIpOrCidr(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/');
  if (rest.length > 0) return false;
  const v4 = isIpv4(address);
  const v6 = !v4 && isIpv6(address);
  if (!v4 && !v6) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (v4 ? 32 : 128);
}

function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIpv6(value: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(value) || !value.includes(':')) return false;
  // The WHATWG URL parser implements the full IPv6 grammar (compression, embedded IPv4) in every runtime.
  try {
    return new URL(`http://[${value}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}
