import jwt from 'jsonwebtoken';
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Role } from './user.entity';

export interface TokenClaims {
  userId: number;
  role: Role;
  tokenVersion: number;
}

// jsonwebtoken first tries to read a string secret as a PEM public key (which throws
// and is caught) on every call; a ready KeyObject skips that, a measurable share of
// every authenticated request's CPU.
const keys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

export function signToken(claims: TokenClaims, secret: string, ttlSeconds: number): string {
  return jwt.sign({ sub: String(claims.userId), role: claims.role, tv: claims.tokenVersion }, secretKey(secret), {
    algorithm: 'HS256',
    expiresIn: ttlSeconds,
  });
}

/** The token's claims, or null when it is malformed, forged or expired. */
export function verifyToken(token: string, secret: string): TokenClaims | null {
  try {
    const payload = jwt.verify(token, secretKey(secret), { algorithms: ['HS256'] }) as jwt.JwtPayload;
    const userId = Number(payload.sub);
    // A token without an expiry would be valid forever: never one of ours, so refuse it.
    if (!Number.isInteger(userId) || typeof payload.tv !== 'number' || typeof payload.exp !== 'number') return null;
    return { userId, role: payload.role, tokenVersion: payload.tv };
  } catch {
    return null;
  }
}
