import { describe, expect, it } from 'vitest';
import { open, seal } from '../src/crypto/envelope';

describe('message envelope', () => {
  it('opens what it sealed', async () => {
    expect(await open(await seal('merhaba 👋'))).toEqual({ text: 'merhaba 👋', readable: true });
  });

  it('reports a body it cannot read instead of showing it', async () => {
    expect(await open('not json')).toEqual({ text: '', readable: false });
    expect(await open('{"v":9,"ciphertext":"…"}')).toEqual({ text: '', readable: false });
  });

  it('treats a deleted message (no body) as empty', async () => {
    expect(await open(null)).toEqual({ text: '', readable: true });
  });
});
