import { useEffect, useState } from 'preact/hooks';
import { calls as callsApi, ok } from '../api/clients';
import type { CallHistoryItem } from '../api/types';
import { useSignal } from '../app/signal';
import { t, time, type MessageKey } from '../i18n/i18n';
import { PhoneIcon } from '../ui/PhoneIcon';
import type { Calls } from './calls';
import { clockDuration } from './format';

/** My calls, newest first: who, which way, how it ended, how long; call back. Seeing it clears the missed-call badge. */
export function CallHistory({ calls }: { calls: Calls }) {
  const [items, setItems] = useState<CallHistoryItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const load = async (before: string | null) => {
    try {
      const page = await ok(callsApi.GET('/history', { params: { query: { limit: 30, ...(before ? { before } : {}) } } }));
      setItems((shown) => [...(before ? shown ?? [] : []), ...page.calls]);
      setNext(page.nextBefore ?? null);
      setFailed(false);
    } catch (error) {
      console.warn('The call history could not be read', error);
      setFailed(true);
    }
  };

  const current = useSignal(calls.current);
  // Again whenever a call starts or ends: one that just ended belongs at the top, and is seen.
  useEffect(() => {
    void load(null);
    void calls.markMissedSeen().catch((error: unknown) => console.warn('Missed calls could not be marked seen', error));
  }, [current?.id, current?.state]);

  if (failed && !items) return <p class="muted center" role="alert">{t('calls.historyFailed')}</p>;
  if (!items) return <p class="muted center" aria-busy="true">{t('app.loading')}</p>;
  if (items.length === 0) return <p class="muted center">{t('calls.historyEmpty')}</p>;
  return (
    <>
      <ul class="call-history" aria-label={t('calls.history')}>
        {items.map((item) => (
          <li key={item.id} class={`call-entry ${item.outcome === 'missed' && item.direction === 'incoming' ? 'missed' : ''}`}>
            <span class="call-direction" aria-hidden="true">{item.direction === 'incoming' ? '↙' : '↗'}</span>
            <span class="call-summary">
              <strong>{item.otherPerson.displayName || item.otherPerson.username}</strong>
              <span class="muted">
                {t(`calls.direction.${item.direction}` as MessageKey)} · {t(`calls.outcome.${item.outcome}` as MessageKey)}
                {item.outcome === 'completed' || item.outcome === 'failed' ? ` · ${clockDuration(item.durationSeconds)}` : ''}
              </span>
              <time class="muted" dateTime={item.startedAt}>{time.recent(item.startedAt)}</time>
            </span>
            <button class="icon-button" aria-label={t('calls.callBack', { name: item.otherPerson.displayName })}
              title={t('calls.callBack', { name: item.otherPerson.displayName })} disabled={current !== null}
              onClick={() => void calls.call({ id: item.otherPerson.id, displayName: item.otherPerson.displayName })}><PhoneIcon /></button>
          </li>
        ))}
      </ul>
      {next && <button class="button wide" onClick={() => void load(next)}>{t('calls.older')}</button>}
    </>
  );
}
