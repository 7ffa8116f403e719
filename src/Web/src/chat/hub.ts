import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { session } from '../auth/session';

/** A refusal from a hub method: the stable code the server put before its explanation. */
export class HubRefusal extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'HubRefusal';
  }
}

const refusal = /HubException: ([a-z-]+): (.*)$/s;

/** Turns SignalR's wrapped server error into a {@link HubRefusal}; anything else (a lost connection) is rethrown as is. */
export function asRefusal(error: unknown): HubRefusal | null {
  const match = error instanceof Error ? refusal.exec(error.message) : null;
  return match ? new HubRefusal(match[1]!, match[2]!) : null;
}

/** Retries forever, quickly at first and then every 10 s: a chat app never gives up on its connection. */
const retryDelays = [0, 1_000, 2_000, 5_000];

export function buildHub(path: string): HubConnection {
  return new HubConnectionBuilder()
    .withUrl(path, { accessTokenFactory: async () => (await session.accessToken()) ?? '' })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelays[context.previousRetryCount] ?? 10_000 })
    .withServerTimeout(30_000)
    .withKeepAliveInterval(10_000)
    .configureLogging(LogLevel.Warning)
    .build();
}

export const isConnected = (hub: HubConnection) => hub.state === HubConnectionState.Connected;
