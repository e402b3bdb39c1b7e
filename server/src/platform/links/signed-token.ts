import crypto from 'node:crypto';

/**
 * The token of a one-use public link (a rating link, a survey link): a random id and its HMAC
 * under the server's secret, bound to the link's purpose. A forged token — or one made for
 * another purpose — fails the signature before the database is asked; only the token's SHA-256
 * is stored, so a copy of the database cannot use a link.
 */

export function newLinkToken(secret: string, purpose: string): { token: string; hash: string } {
  const id = crypto.randomBytes(12).toString('base64url');
  const token = `${id}.${signatureOf(secret, purpose, id)}`;
  return { token, hash: hashOf(token) };
}

/** The stored hash of a well-signed token; null when the token is malformed or its signature is wrong. */
export function verifiedLinkHash(secret: string, purpose: string, token: string): string | null {
  const match = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(signatureOf(secret, purpose, match[1]!));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return hashOf(token);
}

function signatureOf(secret: string, purpose: string, id: string): string {
  return crypto.createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url').slice(0, 22);
}

function hashOf(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
