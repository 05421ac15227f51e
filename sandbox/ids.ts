import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random base62 string (rejection sampling: no modulo bias). */
export function random62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** `newId('pi')` → `pi_3fK…` (24 random characters). Sessions use `cs_test_…`. */
export function newId(prefix: 'cs_test' | 'pi' | 'ch' | 're' | 'txn' | 'cus' | 'evt' | 'we' | 'req' | 'acs' | 'whsec' | 'plink' | 'pm' | 'bnk'): string {
  return `${prefix}_${random62(24)}`;
}

export function newClientSecret(sessionId: string): string {
  return `${sessionId}_secret_${random62(32)}`;
}
