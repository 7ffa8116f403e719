import { useState } from 'preact/hooks';
import type { Chat } from '../chat/chat';
import { WrongPassphrase } from '../crypto/backup';
import { t } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';

const minimumPassphrase = 12;

/**
 * End-to-end encryption keys: back them up under a recovery passphrase (the server keeps only
 * what the passphrase seals), or restore them on this browser to read older messages.
 */
export function Encryption({ chat }: { chat: Chat }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ field: string; text: string } | null>(null);
  const backUp = useAction();
  const restore = useAction();

  const submitBackup = (event: Event) => {
    event.preventDefault();
    setDone(null);
    if (passphrase.length < minimumPassphrase) return setFieldError({ field: 'passphrase', text: t('encryption.tooShort', { count: minimumPassphrase }) });
    if (passphrase !== again) return setFieldError({ field: 'again', text: t('encryption.mismatch') });
    setFieldError(null);
    void backUp.run(async () => {
      await chat.backUpKeys(passphrase);
      setPassphrase('');
      setAgain('');
      setDone(t('encryption.backedUp'));
    });
  };

  const submitRestore = (event: Event) => {
    event.preventDefault();
    setDone(null);
    setFieldError(null);
    void restore.run(async () => {
      try {
        const found = await chat.restoreKeys(restorePassphrase);
        setRestorePassphrase('');
        setDone(found ? t('encryption.restored') : t('encryption.noBackup'));
      } catch (error) {
        if (error instanceof WrongPassphrase) setFieldError({ field: 'restore', text: t('encryption.wrongPassphrase') });
        else throw error;
      }
    });
  };

  const errorFor = (field: string) => (fieldError?.field === field ? fieldError.text : undefined);
  return (
    <section class="card" aria-labelledby="encryption-title">
      <h2 id="encryption-title">{t('encryption.title')}</h2>
      <p class="hint">{t('encryption.explain')}</p>
      <form onSubmit={submitBackup} noValidate>
        <h3>{t('encryption.backupTitle')}</h3>
        <Field label={t('encryption.passphrase')} type="password" autocomplete="new-password" value={passphrase} onValue={setPassphrase}
          hint={t('encryption.passphraseHint', { count: minimumPassphrase })} error={errorFor('passphrase')} />
        <Field label={t('encryption.passphraseAgain')} type="password" autocomplete="new-password" value={again} onValue={setAgain} error={errorFor('again')} />
        <button class="button" type="submit" disabled={backUp.busy}>{t('encryption.backUp')}</button>
        {backUp.message && <p class="error" role="alert">{backUp.message}</p>}
      </form>
      <form onSubmit={submitRestore} noValidate>
        <h3>{t('encryption.restoreTitle')}</h3>
        <Field label={t('encryption.restorePassphrase')} type="password" autocomplete="current-password" value={restorePassphrase} onValue={setRestorePassphrase} error={errorFor('restore')} />
        <button class="button" type="submit" disabled={restore.busy || restorePassphrase.length === 0}>{t('encryption.restore')}</button>
        {restore.message && <p class="error" role="alert">{restore.message}</p>}
      </form>
      {done && <p class="notice" role="status">{done}</p>}
    </section>
  );
}
