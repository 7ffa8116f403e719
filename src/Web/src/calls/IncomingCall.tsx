import { useSignal } from '../app/signal';
import { t } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import type { Calls } from './calls';

/** A call ringing on this device: who calls, answer or decline. Every device of the callee shows it until one answers. */
export function IncomingCall({ calls }: { calls: Calls }) {
  const call = useSignal(calls.current);
  if (!call || call.state !== 'ringing' || call.callee.id !== calls.me) return null;
  return (
    <Dialog title={t('calls.incoming')} onClose={() => void calls.reject()}>
      <div class="incoming-call">
        <p class="caller-name">{call.caller.displayName}</p>
        <p class="muted">{t('calls.incomingFrom', { username: call.caller.username })}</p>
        <div class="dialog-actions">
          <button class="button danger" onClick={() => void calls.reject()}>{t('calls.decline')}</button>
          <button class="button primary" autoFocus onClick={() => void calls.accept()}>{t('calls.answer')}</button>
        </div>
      </div>
    </Dialog>
  );
}
