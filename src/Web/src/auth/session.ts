import { signal } from '../app/signal';
import { readToken, type TokenClaims } from './token';

export type SessionEnd = 'signed-out' | 'expired' | 'elsewhere';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; reason?: SessionEnd }
  | { status: 'signed-in'; user: TokenClaims };

interface SignedIn {
  accessToken: string;
}

const refreshPath = '/api/identity/tokens/refresh';
/** Refresh this long before the token expires, so no call ever carries an expired one. */
const refreshMargin = 60_000;
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('chatapp.session');

/**
 * The signed-in session of this tab. The access token lives in memory only; the refresh token
 * is an HttpOnly cookie the app never sees. Refreshes are serialised across tabs with a Web
 * Lock (the cookie rotates on every use, and presenting a rotated one ends the session), and a
 * sign-out in one tab signs out the others.
 */
class Session {
  readonly state = signal<SessionState>({ status: 'restoring' });
  private token: string | null = null;
  private expiresAt = 0;
  private refreshing: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    channel?.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
      if (event.data.type === 'signed-out') this.clear('elsewhere');
      if (event.data.type === 'signed-in' && this.state.value.status !== 'signed-in') void this.restore();
    });
  }

  /** On start: a refresh cookie from an earlier visit signs this tab in without a password. */
  async restore(): Promise<void> {
    const token = await this.refresh();
    if (!token && this.state.value.status === 'restoring') this.state.value = { status: 'signed-out' };
  }

  /** After sign-in: the access token from Identity's answer (the refresh cookie came with it). */
  signedIn(answer: SignedIn): void {
    this.accept(answer.accessToken);
    channel?.postMessage({ type: 'signed-in' });
  }

  /** A token good for at least a minute, refreshed first if needed; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (this.token && this.expiresAt - Date.now() > refreshMargin) return this.token;
    if (this.state.value.status === 'signed-out') return null;
    return this.refresh();
  }

  /** The server says this session may have ended: ask Identity (a refused refresh signs this tab out). */
  async confirmSession(): Promise<void> {
    await this.refresh();
  }

  /** The server refused our token or refresh cookie: back to the sign-in screen, saying why. */
  ended(reason: SessionEnd): void {
    if (this.state.value.status === 'signed-in') this.clear(reason);
  }

  /** Signs this tab (and every other tab of this browser) out; the server forgets the session. */
  async signOut(): Promise<void> {
    const token = this.token;
    // The other tabs hear it from here first, not from the server ending the session under them.
    this.signedOutEverywhere();
    if (token) {
      await fetch('/api/identity/tokens/sign-out', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
    }
  }

  /** After "sign out everywhere": the server has ended every session; tell the other tabs. */
  signedOutEverywhere(): void {
    this.clear('signed-out');
    channel?.postMessage({ type: 'signed-out' });
  }

  private refresh(): Promise<string | null> {
    this.refreshing ??= this.refreshOnce().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async refreshOnce(): Promise<string | null> {
    const exchange = async () => {
      const response = await fetch(refreshPath, { method: 'POST', credentials: 'same-origin' });
      if (response.status === 401) return 'refused' as const;
      if (!response.ok) throw new Error(`refresh answered ${response.status}`);
      return ((await response.json()) as SignedIn).accessToken;
    };
    try {
      const result = navigator.locks ? await navigator.locks.request('chatapp.refresh', exchange) : await exchange();
      if (result === 'refused') {
        this.clear(this.state.value.status === 'signed-in' ? 'expired' : undefined);
        return null;
      }
      this.accept(result);
      return result;
    } catch {
      // Offline or the gateway is away: keep the session and try again shortly.
      this.schedule(5_000);
      return this.token;
    }
  }

  private accept(token: string): void {
    this.token = token;
    const user = readToken(token);
    this.expiresAt = user.expiresAt;
    const current = this.state.value;
    if (current.status !== 'signed-in' || current.user.sessionId !== user.sessionId || current.user.displayName !== user.displayName)
      this.state.value = { status: 'signed-in', user };
    this.schedule(Math.max(user.expiresAt - Date.now() - refreshMargin, 5_000));
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private clear(reason: SessionEnd | undefined): void {
    clearTimeout(this.timer);
    this.token = null;
    this.state.value = reason ? { status: 'signed-out', reason } : { status: 'signed-out' };
  }
}

export const session = new Session();
