import { describe, expect, it } from 'vitest';
import type { CallView } from '../src/api/types';
import { callDeviceId } from '../src/calls/device';
import { clockDuration, noticeFor, roleIn } from '../src/calls/format';

const alice = { id: 'a', username: 'alice', displayName: 'Alice' };
const bob = { id: 'b', username: 'bob', displayName: 'Bob' };
const call = (changes: Partial<CallView>): CallView => ({
  id: 'c', caller: alice, callee: bob, state: 'ringing', outcome: null, callerDeviceId: 'alice-phone', calleeDeviceId: null,
  createdAt: '2026-11-30T10:00:00Z', ringUntil: '2026-11-30T10:00:30Z', answeredAt: null, endedAt: null, durationSeconds: 0,
  endedBy: null, callerReconnecting: false, calleeReconnecting: false, ...changes,
});

describe('clockDuration', () => {
  it('shows minutes and seconds, and hours only when there are some', () => {
    expect([0, 7, 59.9, 60, 750, 3723].map(clockDuration)).toEqual(['0:00', '0:07', '0:59', '1:00', '12:30', '1:02:03']);
    expect(clockDuration(-3)).toBe('0:00');
  });
});

describe('roleIn', () => {
  it('tells the device that placed a call from the caller’s other devices', () => {
    expect(roleIn(call({}), 'a', 'alice-phone')).toBe('caller');
    expect(roleIn(call({}), 'a', 'alice-laptop')).toBe('caller-elsewhere');
  });

  it('rings every device of the callee until one answers, which then holds the call alone', () => {
    expect(roleIn(call({}), 'b', 'bob-phone')).toBe('callee');
    expect(roleIn(call({}), 'b', 'bob-laptop')).toBe('callee');
    const answered = call({ state: 'active', calleeDeviceId: 'bob-laptop' });
    expect(roleIn(answered, 'b', 'bob-laptop')).toBe('callee');
    expect(roleIn(answered, 'b', 'bob-phone')).toBe('callee-elsewhere');
  });
});

describe('noticeFor', () => {
  it('tells each side what happened in its own words', () => {
    expect(noticeFor('missed', 'caller')).toBe('no-answer');
    expect(noticeFor('missed', 'callee')).toBe('missed');
    expect(noticeFor('rejected', 'caller')).toBe('rejected');
    expect(noticeFor('cancelled', 'callee')).toBe('missed');
    expect(noticeFor('busy', 'caller')).toBe('busy');
    expect(noticeFor('failed', 'callee')).toBe('failed');
    expect(noticeFor('completed', 'caller')).toBe('ended');
  });
});

describe('callDeviceId', () => {
  it('is made once per tab and kept', () => {
    const stored = new Map<string, string>();
    const storage = { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) };
    const first = callDeviceId(storage);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(callDeviceId(storage)).toBe(first);
  });
});
