const key = 'chatapp.call-device';

/**
 * This tab's device id for calls: it holds a call it placed or answered, and names itself with
 * it again after a reconnect to rejoin that call. Kept per tab (sessionStorage), so two tabs of
 * one browser ring separately and only the one that answered holds the call.
 */
export function callDeviceId(storage: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage): string {
  const known = storage.getItem(key);
  if (known) return known;
  const fresh = crypto.randomUUID();
  storage.setItem(key, fresh);
  return fresh;
}
