import { hash, verify } from '@node-rs/argon2';

/** @node-rs/argon2's const enum Algorithm.Argon2id (const enums cannot be imported under verbatimModuleSyntax). */
const ARGON2ID = 2;

/** argon2id with the OWASP-recommended minimum: 19 MiB, 2 iterations, 1 lane. */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** Verified against when no account has the name, so both paths take the same time. */
let dummyHash: Promise<string> | undefined;
export function burnPasswordCheck(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('banshi-no-such-account');
  return dummyHash.then((h) => verifyPassword(h, password));
}
