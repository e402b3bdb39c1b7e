import { newLinkToken, verifiedLinkHash } from '../../../platform/links/signed-token.ts';

/**
 * The token of a rating link (QR code, SMS): a signed one-use link token (platform/links) whose
 * SHA-256 alone is stored.
 */

const PURPOSE = 'rating-invitation';

export function newRatingToken(secret: string): { token: string; hash: string } {
  return newLinkToken(secret, PURPOSE);
}

/** The stored hash of a well-signed token; null when the token is malformed or its signature is wrong. */
export function verifiedHash(secret: string, token: string): string | null {
  return verifiedLinkHash(secret, PURPOSE, token);
}
