/** What a `rate-limited:` refusal ends with: the seconds the server asks the client to wait. */
const hint = /retry-after=([0-9]+(?:\.[0-9]+)?)\s*$/;

/**
 * How long to wait, in milliseconds, before trying again a call the hub refused as
 * `rate-limited` (too many at once, or the service too busy): the server's hint, kept within
 * 0.1–60 s, or 1 s when it gave none.
 */
export function retryAfterMs(refusalMessage: string): number {
  const match = hint.exec(refusalMessage);
  const seconds = match ? Number(match[1]) : 1;
  return Math.min(60_000, Math.max(100, Math.ceil(seconds * 1000)));
}
