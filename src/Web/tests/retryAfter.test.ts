import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../src/chat/retryAfter';

describe('retryAfterMs', () => {
  it('waits as long as the server hints', () => {
    expect(retryAfterMs('Too many requests. Slow down: try again in 0.4 seconds. retry-after=0.35')).toBe(350);
    expect(retryAfterMs('Too many requests. Slow down: try again in 3 seconds. retry-after=3')).toBe(3000);
  });

  it('waits a second without a hint, and never less than 0.1 s nor more than a minute', () => {
    expect(retryAfterMs('Too many requests.')).toBe(1000);
    expect(retryAfterMs('retry-after=0.001')).toBe(100);
    expect(retryAfterMs('retry-after=3600')).toBe(60_000);
  });
});
