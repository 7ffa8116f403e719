/** What the app reads from its access token (the services check it; the app only displays it). */
export interface TokenClaims {
  userId: string;
  sessionId: string;
  username: string;
  displayName: string;
  expiresAt: number;
}

export function readToken(token: string): TokenClaims {
  const payload = token.split('.')[1] ?? '';
  const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
  const claims = JSON.parse(json) as Record<string, unknown>;
  return {
    userId: String(claims.sub),
    sessionId: String(claims.sid ?? ''),
    username: String(claims.preferred_username ?? claims.username ?? ''),
    displayName: String(claims.name ?? ''),
    expiresAt: Number(claims.exp) * 1000,
  };
}
