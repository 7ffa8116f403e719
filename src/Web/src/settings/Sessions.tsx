import { useEffect, useState } from 'preact/hooks';
import { identity, ok } from '../api/clients';
import { session } from '../auth/session';
import { t, time } from '../i18n/i18n';
import { useAction } from '../ui/useAction';

interface SessionView {
  id: string;
  userAgent: string;
  clientAddress: string;
  createdAt: string;
  lastUsedAt: string;
  isCurrent: boolean;
}

/** "Chrome on Linux" from a user-agent string, enough to recognise a device. */
export function describeBrowser(userAgent: string): string {
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox'
    : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : '';
  const system = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows'
    : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : '';
  return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 40) || '?';
}

export function Sessions() {
  const [sessions, setSessions] = useState<SessionView[]>([]);
  const action = useAction();
  const load = () => action.run(async () => setSessions(await ok<SessionView[]>(identity.GET('/sessions'))));
  useEffect(() => void load(), []);

  const end = (id: string) => void action.run(async () => {
    await ok(identity.DELETE('/sessions/{sessionId}', { params: { path: { sessionId: id } } }));
    setSessions(sessions.filter((other) => other.id !== id));
  });
  const endAll = () => void action.run(async () => {
    if (!confirm(t('sessions.confirmAll'))) return;
    await ok(identity.DELETE('/sessions'));
    session.signedOutEverywhere();
  });

  return (
    <section class="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('sessions.title')}</h2>
      <ul class="session-list">
        {sessions.map((item) => (
          <li key={item.id}>
            <span>
              <span class="person-name">{describeBrowser(item.userAgent)}</span>{item.isCurrent && <span class="role">{t('sessions.current')}</span>}
              <br />
              <span class="muted">{item.clientAddress} · {t('sessions.lastUsed', { when: time.dateTime(item.lastUsedAt) })}</span>
            </span>
            {!item.isCurrent && <button class="link danger" onClick={() => end(item.id)}>{t('sessions.end')}</button>}
          </li>
        ))}
      </ul>
      {action.message && <p class="error" role="alert">{action.message}</p>}
      <button class="button danger" onClick={endAll} disabled={action.busy}>{t('sessions.endAll')}</button>
    </section>
  );
}
