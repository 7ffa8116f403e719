import { useEffect, useState } from 'preact/hooks';
import { identity, ok } from '../api/clients';
import { t, type MessageKey } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';
import { session } from './session';
import { assertPasskey, passkeysSupported } from './webauthn';

export type Factor = 'Email' | 'Authenticator' | 'Passkey';

export interface Challenge {
  challengeId: string;
  secondFactor: Factor;
  availableFactors: Factor[];
  codeSentTo: string | null;
  expiresAt: string;
}

type Method = 'email' | 'authenticator' | 'recovery' | 'passkey';
const proofs = { email: 'EmailCode', authenticator: 'AuthenticatorCode', recovery: 'RecoveryCode' } as const;
const labels: Record<Method, MessageKey> = {
  email: 'factor.email', authenticator: 'factor.authenticator', recovery: 'factor.recovery', passkey: 'factor.passkey',
};

function methodsOf(challenge: Challenge): Method[] {
  const methods: Method[] = [];
  const preferred = challenge.secondFactor.toLowerCase() as Method;
  if (challenge.availableFactors.includes('Passkey') && passkeysSupported()) methods.push('passkey');
  if (challenge.availableFactors.includes('Authenticator')) methods.push('authenticator', 'recovery');
  methods.push('email');
  return [preferred, ...methods.filter((method) => method !== preferred)].filter((m, i, all) => all.indexOf(m) === i && (m !== 'passkey' || passkeysSupported()));
}

export function SecondFactor({ challenge, onCancel }: { challenge: Challenge; onCancel: () => void }) {
  const methods = methodsOf(challenge);
  const [method, setMethod] = useState<Method>(methods[0]!);
  const [code, setCode] = useState('');
  const [codeSentTo, setCodeSentTo] = useState(challenge.codeSentTo);
  const [nextResendAt, setNextResendAt] = useState(Date.now() + (challenge.codeSentTo ? 60_000 : 0));
  const [now, setNow] = useState(Date.now());
  const action = useAction();
  const path = { challengeId: challenge.challengeId };

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const signedIn = (answer: { accessToken: string }) => session.signedIn(answer);

  const submit = (event: Event) => {
    event.preventDefault();
    if (method === 'passkey') return;
    void action.run(async () =>
      signedIn(await ok<{ accessToken: string }>(identity.POST('/sign-in/{challengeId}/code', { params: { path }, body: { code: code.trim(), proof: proofs[method] } }))));
  };

  const resend = () => void action.run(async () => {
    const resent = await ok<{ codeExpiresAt: string; nextResendAt: string }>(identity.POST('/sign-in/{challengeId}/resend', { params: { path } }));
    setNextResendAt(new Date(resent.nextResendAt).getTime());
    setCodeSentTo(codeSentTo ?? t('factor.yourEmail'));
  });

  const usePasskey = () => void action.run(async () => {
    const options = await ok<unknown>(identity.POST('/sign-in/{challengeId}/passkey/options', { params: { path } }));
    const assertion = await assertPasskey(options);
    signedIn(await ok<{ accessToken: string }>(identity.POST('/sign-in/{challengeId}/passkey', { params: { path }, body: { assertion } as never })));
  });

  const wait = Math.max(0, Math.ceil((nextResendAt - now) / 1000));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="factor-title">
      <h1 id="factor-title">{t('factor.title')}</h1>
      {methods.length > 1 && (
        <div class="segmented" role="group" aria-label={t('factor.choose')}>
          {methods.map((candidate) => (
            <button type="button" key={candidate} aria-pressed={candidate === method} onClick={() => { setMethod(candidate); setCode(''); }}>
              {t(labels[candidate])}
            </button>
          ))}
        </div>
      )}
      {method === 'passkey' ? (
        <>
          <p>{t('factor.passkeyHelp')}</p>
          <button type="button" class="button primary wide" onClick={usePasskey} disabled={action.busy}>{t('factor.usePasskey')}</button>
        </>
      ) : (
        <>
          <p>{method === 'email'
            ? (codeSentTo ? t('factor.emailSent', { address: codeSentTo }) : t('factor.emailNotSent'))
            : method === 'authenticator' ? t('factor.authenticatorHelp') : t('factor.recoveryHelp')}</p>
          <Field label={t(method === 'recovery' ? 'factor.recoveryCode' : 'factor.code')} value={code} onValue={setCode}
            inputMode={method === 'recovery' ? 'text' : 'numeric'} autocomplete="one-time-code" autoFocus required
            maxLength={method === 'recovery' ? 32 : 6} error={action.fieldError('code')} spellcheck={false} />
          <button type="submit" class="button primary wide" disabled={action.busy}>{t('factor.submit')}</button>
          {method === 'email' && (
            <button type="button" class="link" onClick={resend} disabled={wait > 0 || action.busy}>
              {wait > 0 ? t('factor.resendIn', { seconds: wait }) : t('factor.resend')}
            </button>
          )}
        </>
      )}
      {action.message && <p class="error" role="alert">{action.message}</p>}
      <p class="switch"><button type="button" class="link" onClick={onCancel}>{t('factor.back')}</button></p>
    </form>
  );
}
