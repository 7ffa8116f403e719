import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as CallsPaths } from './generated/calls';
import type { paths as IdentityPaths } from './generated/identity';
import type { paths as MessagingPaths } from './generated/messaging';
import type { paths as NotificationsPaths } from './generated/notifications';
import { ProblemError, problemOf } from './problem';
import { session } from '../auth/session';

/** Adds the in-memory access token; a refusal of it means the session is over. */
const authentication: Middleware = {
  async onRequest({ request, schemaPath }) {
    if (anonymous.has(schemaPath)) return request;
    const token = await session.accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response, schemaPath }) {
    if (response.status === 401 && !anonymous.has(schemaPath)) session.ended('expired');
    return response;
  },
};

const anonymous = new Set(['/accounts', '/sign-in', '/sign-in/{challengeId}/code', '/sign-in/{challengeId}/resend',
  '/sign-in/{challengeId}/passkey/options', '/sign-in/{challengeId}/passkey']);

function client<Paths extends object>(baseUrl: string) {
  const api = createClient<Paths>({ baseUrl, credentials: 'same-origin' });
  api.use(authentication);
  return api;
}

export const identity = client<IdentityPaths>('/api/identity');
export const messaging = client<MessagingPaths>('/api/messaging');
export const notifications = client<NotificationsPaths>('/api/notifications');
export const calls = client<CallsPaths>('/api/calls');

/** The body of a successful answer, or a {@link ProblemError} with the service's explanation. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, response } = await call;
  if (!response.ok) throw new ProblemError(await problemOf(response));
  return data as T;
}
