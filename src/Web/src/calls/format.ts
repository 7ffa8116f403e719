import type { CallOutcome, CallView } from '../api/types';

/** 0:07, 12:30, 1:02:03: a call's length as a phone shows it. */
export function clockDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** What this tab is to a call: the device that placed or answered it, another device of the same person, or the callee's ringing device. */
export type CallRole = 'caller' | 'callee' | 'caller-elsewhere' | 'callee-elsewhere';

export function roleIn(call: CallView, me: string, deviceId: string): CallRole {
  if (call.caller.id === me) return call.callerDeviceId === deviceId ? 'caller' : 'caller-elsewhere';
  // While it rings no device of the callee holds it: every one of them rings.
  if (call.state === 'ringing' || call.calleeDeviceId === deviceId) return 'callee';
  return 'callee-elsewhere';
}

/** The message a person is left with when a call ends without having been talked through. */
export type CallNotice = 'busy' | 'rejected' | 'no-answer' | 'missed' | 'failed' | 'cancelled' | 'no-microphone' | 'ended' | 'unavailable' | 'insecure';

export function noticeFor(outcome: CallOutcome | null, role: 'caller' | 'callee'): CallNotice {
  switch (outcome) {
    case 'busy': return 'busy';
    case 'rejected': return role === 'caller' ? 'rejected' : 'ended';
    case 'missed': return role === 'caller' ? 'no-answer' : 'missed';
    case 'cancelled': return role === 'caller' ? 'ended' : 'missed';
    case 'failed': return 'failed';
    default: return 'ended';
  }
}
