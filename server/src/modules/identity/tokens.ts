import jwt from 'jsonwebtoken';
import type { Role } from './user.entity';

export interface TokenClaims {
  userId: number;
  role: Role;
  tokenVersion: number;
}

export function signToken(claims: TokenClaims, secret: string, ttlSeconds: number): string {
  return jwt.sign({ sub: String(claims.userId), role: claims.role, tv: claims.tokenVersion }, secret, {
    algorithm: 'HS256',
    expiresIn: ttlSeconds,
  });
}

/** The token's claims, or null when it is malformed, forged or expired. */
export function verifyToken(token: string, secret: string): TokenClaims | null {
  try {
    const payload = jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    const userId = Number(payload.sub);
    if (!Number.isInteger(userId) || typeof payload.tv !== 'number') return null;
    return { userId, role: payload.role, tokenVersion: payload.tv };
  } catch {
    return null;
  }
}
