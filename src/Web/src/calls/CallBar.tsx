import { useEffect, useState } from 'preact/hooks';
import { useSignal } from '../app/signal';
import { t, type MessageKey } from '../i18n/i18n';
import type { Calls } from './calls';
import { clockDuration } from './format';

/**
 * The call in progress, always in view above the app so the person can keep chatting: ringing
 * out (with cancel), or answered (timer, mute, microphone and speaker, hang up). After a call
 * that did not go as planned, the reason (declined, busy, no answer, connection lost).
 */
export function CallBar({ calls }: { calls: Calls }) {
  const call = useSignal(calls.current);
  const media = useSignal(calls.media);
  const muted = useSignal(calls.muted);
  const notice = useSignal(calls.notice);
  const elsewhere = useSignal(calls.elsewhere);
  const [showDevices, setShowDevices] = useState(false);

  if (notice && !call) {
    return (
      <div class="call-bar ended" role="alert">
        <p>{t(`calls.notice.${notice.kind}` as MessageKey, { name: notice.name })}</p>
        <button class="button" onClick={() => calls.dismissNotice()}>{t('calls.dismiss')}</button>
      </div>
    );
  }
  if (!call && elsewhere) {
    const other = elsewhere.caller.id === calls.me ? elsewhere.callee : elsewhere.caller;
    return (
      <section class="call-bar elsewhere" aria-label={t('calls.callWith', { name: other.displayName })}>
        <p role="status"><strong>{other.displayName}</strong> <span class="muted">{t('calls.onAnotherDevice')}</span></p>
        <button class="button danger" onClick={() => void calls.endElsewhere()}>{t('calls.endCall')}</button>
      </section>
    );
  }
  if (!call || (call.state === 'ringing' && call.callee.id === calls.me)) return null;

  const other = call.caller.id === calls.me ? call.callee : call.caller;
  if (call.state === 'ringing') {
    return (
      <section class="call-bar outgoing" aria-label={t('calls.callWith', { name: other.displayName })}>
        <p role="status"><strong>{other.displayName}</strong> <span class="muted">{t('calls.ringing')}</span></p>
        <button class="button danger" onClick={() => void calls.cancel()}>{t('calls.cancel')}</button>
      </section>
    );
  }
  return (
    <section class="call-bar active" aria-label={t('calls.callWith', { name: other.displayName })}>
      <p role="status">
        <strong>{other.displayName}</strong>{' '}
        <span class="muted">{media === 'connected' ? <Timer since={calls.answeredLocally} /> : t(`calls.media.${media ?? 'connecting'}` as MessageKey)}</span>
      </p>
      <div class="call-actions">
        <button class="button" aria-pressed={muted} onClick={() => calls.toggleMute()}>{muted ? t('calls.unmute') : t('calls.mute')}</button>
        <button class="button" aria-expanded={showDevices} onClick={() => setShowDevices(!showDevices)}>{t('calls.devices')}</button>
        <button class="button danger" onClick={() => void calls.hangUp()}>{t('calls.hangUp')}</button>
      </div>
      {showDevices && <DevicePicker calls={calls} />}
    </section>
  );
}

function Timer({ since }: { since: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <time aria-label={t('calls.elapsed')}>{clockDuration((now - since) / 1000)}</time>;
}

function DevicePicker({ calls }: { calls: Calls }) {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => void navigator.mediaDevices.enumerateDevices().then(setDevices, () => setDevices([])), []);
  const inputs = devices.filter((device) => device.kind === 'audioinput');
  const outputs = devices.filter((device) => device.kind === 'audiooutput');
  return (
    <div class="call-devices">
      <label>
        {t('calls.microphone')}
        <select onChange={(event) => void calls.useMicrophone(event.currentTarget.value)}>
          {inputs.map((device, index) => <option key={device.deviceId} value={device.deviceId}>{device.label || t('calls.deviceNumber', { number: index + 1 })}</option>)}
        </select>
      </label>
      {outputs.length > 0 && (
        <label>
          {t('calls.speaker')}
          <select onChange={(event) => void calls.useSpeaker(event.currentTarget.value)}>
            {outputs.map((device, index) => <option key={device.deviceId} value={device.deviceId}>{device.label || t('calls.deviceNumber', { number: index + 1 })}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}
