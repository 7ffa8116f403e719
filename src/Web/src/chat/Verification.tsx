import { useEffect, useState } from 'preact/hooks';
import type { ContactKeys } from '../crypto/keyStore';
import { t } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { QrCode } from '../ui/QrCode';
import type { Chat } from './chat';

type Contact = ContactKeys & { safetyNumber: string[] };

/**
 * The encryption state of a one-to-one chat: a notice when the other person's keys changed, and
 * their safety number to compare (in person, or over another channel) and mark as verified.
 */
export function Verification({ chat, userId, name }: { chat: Chat; userId: string; name: string }) {
  const [contact, setContact] = useState<Contact | null>(null);
  const [comparing, setComparing] = useState(false);
  useEffect(() => {
    setContact(null);
    chat.keys.contact(userId).then(setContact, (error: unknown) => console.warn('The contact’s keys could not be read', error));
  }, [chat, userId]);
  if (!contact) return null;

  const settle = async (verified: boolean) => {
    await chat.keys.settleContact(userId, contact.keyId, verified);
    setContact({ ...contact, verified, changedFrom: undefined });
  };
  return (
    <>
      <button class={`button small ${contact.verified ? 'verified' : ''}`} onClick={() => setComparing(true)} title={t('verify.open', { name })}>
        {contact.verified ? t('verify.verified') : t('verify.verify')}
      </button>
      {contact.changedFrom && (
        <div class="key-change" role="alert">
          <p>{t('verify.changed', { name })}</p>
          <button class="button small" onClick={() => setComparing(true)}>{t('verify.compare')}</button>{' '}
          <button class="button small" onClick={() => void settle(false)}>{t('verify.dismiss')}</button>
        </div>
      )}
      {comparing && (
        <Dialog title={t('verify.title', { name })} onClose={() => setComparing(false)}>
          <p class="hint">{t('verify.explain', { name })}</p>
          <p class="safety-number" aria-label={t('verify.number')}>
            {contact.safetyNumber.map((group, index) => <span key={index}>{group}</span>)}
          </p>
          <p class="center"><QrCode text={contact.safetyNumber.join('')} label={t('verify.qr')} /></p>
          <p role="status">{contact.verified ? t('verify.isVerified', { name }) : t('verify.notVerified')}</p>
          <div class="dialog-actions">
            <button class="button" onClick={() => setComparing(false)}>{t('common.close')}</button>
            {contact.verified
              ? <button class="button" onClick={() => void settle(false)}>{t('verify.unmark')}</button>
              : <button class="button primary" onClick={() => void settle(true).then(() => setComparing(false))}>{t('verify.mark')}</button>}
          </div>
        </Dialog>
      )}
    </>
  );
}
