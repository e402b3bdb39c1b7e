import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newLinkToken, verifiedLinkHash } from './signed-token.ts';

const SECRET = 'a-secret-of-the-tests-only-0123456789';

describe('signed link tokens', () => {
  it('verify under their own secret and purpose, and give the stored hash', () => {
    const { token, hash } = newLinkToken(SECRET, 'survey');
    expect(verifiedLinkHash(SECRET, 'survey', token)).toBe(hash);
    expect(hash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
  });

  it('refuse another purpose, another secret, a changed character and garbage', () => {
    const { token } = newLinkToken(SECRET, 'survey');
    expect(verifiedLinkHash(SECRET, 'rating-invitation', token)).toBeNull();
    expect(verifiedLinkHash(`${SECRET}x`, 'survey', token)).toBeNull();
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(verifiedLinkHash(SECRET, 'survey', `${token.slice(0, -1)}${last}`)).toBeNull();
    expect(verifiedLinkHash(SECRET, 'survey', 'not-a-token')).toBeNull();
    expect(verifiedLinkHash(SECRET, 'survey', '')).toBeNull();
  });

  it('sign the id as rating links always did (links already sent stay valid)', () => {
    const id = 'AAAAAAAAAAAAAAAA';
    const signature = crypto.createHmac('sha256', SECRET).update(`rating-invitation:${id}`).digest('base64url').slice(0, 22);
    expect(verifiedLinkHash(SECRET, 'rating-invitation', `${id}.${signature}`)).not.toBeNull();
  });
});
