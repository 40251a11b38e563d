// Passwords: argon2id (the library's default algorithm) with its default
// cost; the hash string carries its own parameters and salt.
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing tells nothing. */
export const DUMMY_HASH = await hashPassword('motcua-timing-equaliser');
