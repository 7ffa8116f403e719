import { useEffect, useState } from 'preact/hooks';
import { notifications, ok } from '../api/clients';
import { language, t } from '../i18n/i18n';
import { useAction } from '../ui/useAction';

interface Preferences {
  missedCallEmails: boolean;
  unreadDigestEmails: boolean;
  language: string;
  timeZone: string;
}

export function EmailPreferences() {
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => void action.run(async () => setPreferences(await ok<Preferences>(notifications.GET('/preferences')))), []);

  const save = (next: Preferences) => {
    setSaved(false);
    void action.run(async () => {
      setPreferences(await ok<Preferences>(notifications.PUT('/preferences', { body: next })));
      setSaved(true);
    });
  };
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <section class="card" aria-labelledby="email-title">
      <h2 id="email-title">{t('email.title')}</h2>
      {preferences && (
        <>
          <label class="check"><input type="checkbox" checked={preferences.unreadDigestEmails}
            onChange={(event) => save({ ...preferences, unreadDigestEmails: event.currentTarget.checked })} /> {t('email.digests')}</label>
          <label class="check"><input type="checkbox" checked={preferences.missedCallEmails}
            onChange={(event) => save({ ...preferences, missedCallEmails: event.currentTarget.checked })} /> {t('email.missedCalls')}</label>
          <p class="muted">{t('email.zone', { zone: preferences.timeZone })}</p>
          {(preferences.timeZone !== timeZone || preferences.language !== language.value) && (
            <button class="button" onClick={() => save({ ...preferences, timeZone, language: language.value })}>
              {t('email.useThisDevice', { zone: timeZone })}
            </button>
          )}
        </>
      )}
      {saved && <p class="notice" role="status">{t('common.saved')}</p>}
      {action.message && <p class="error" role="alert">{action.message}</p>}
    </section>
  );
}
