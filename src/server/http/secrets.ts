import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random, URL-safe secret for cookies, API tokens and invitation links. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Keyed hash under the installation's SESSION_SECRET. Only these hashes are stored, so the database alone
 * never yields a usable session, token or invitation link.
 */
export function keyedHash(key: string, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
