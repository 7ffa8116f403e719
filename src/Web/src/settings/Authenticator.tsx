import { useEffect, useState } from 'preact/hooks';
import { identity, ok } from '../api/clients';
import { t } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';

interface Account {
  secondFactor: 'Email' | 'Authenticator' | 'Passkey';
  availableFactors: ('Email' | 'Authenticator' | 'Passkey')[];
}
interface Enrolment {
  secret: string;
  otpAuthUri: string;
  qrCodePng: string;
}

/** An authenticator app as second factor: scan, confirm with a code, keep the recovery codes. */
export function Authenticator() {
  const [account, setAccount] = useState<Account | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const action = useAction();
  const load = async () => setAccount(await ok<Account>(identity.GET('/account')));
  useEffect(() => void action.run(load), []);

  const begin = () => void action.run(async () => setEnrolment(await ok<Enrolment>(identity.POST('/account/authenticator'))));
  const confirm = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const confirmed = await ok<{ recoveryCodes: string[] }>(identity.POST('/account/authenticator/confirm', { body: { code: code.trim(), endOtherSessions: false } }));
      setRecoveryCodes(confirmed.recoveryCodes);
      setEnrolment(null);
      setCode('');
      await load();
    });
  };
  const remove = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      await ok(identity.POST('/account/authenticator/remove', { body: { password, endOtherSessions: false } }));
      setPassword('');
      setRecoveryCodes(null);
      await load();
    });
  };
  const choose = (secondFactor: Account['secondFactor']) => void action.run(async () => {
    await ok(identity.PUT('/account/second-factor', { body: { secondFactor } }));
    await load();
  });

  const enrolled = account?.availableFactors.includes('Authenticator') ?? false;
  return (
    <section class="card" aria-labelledby="authenticator-title">
      <h2 id="authenticator-title">{t('authenticator.title')}</h2>
      {account && (
        <div class="field">
          <label for="second-factor">{t('authenticator.default')}</label>
          <select id="second-factor" value={account.secondFactor} onChange={(event) => choose(event.currentTarget.value as Account['secondFactor'])}>
            {account.availableFactors.map((factor) => <option key={factor} value={factor}>{t(`factor.${factor.toLowerCase() as 'email'}`)}</option>)}
          </select>
        </div>
      )}
      {!enrolled && !enrolment && <button class="button" onClick={begin} disabled={action.busy}>{t('authenticator.set')}</button>}
      {enrolment && (
        <form onSubmit={confirm} noValidate>
          <p>{t('authenticator.scan')}</p>
          <img class="qr" src={enrolment.qrCodePng} alt={t('authenticator.qrAlt')} width={200} height={200} />
          <p class="muted">{t('authenticator.manual')} <code class="secret" data-testid="authenticator-secret">{enrolment.secret}</code></p>
          <Field label={t('factor.code')} value={code} onValue={setCode} inputMode="numeric" autocomplete="one-time-code" maxLength={6} error={action.fieldError('code')} />
          <button class="button primary" type="submit" disabled={action.busy}>{t('authenticator.confirm')}</button>
        </form>
      )}
      {recoveryCodes && (
        <div class="recovery" role="status">
          <p>{t('authenticator.recoveryIntro')}</p>
          <ul class="codes">{recoveryCodes.map((recovery) => <li key={recovery}><code>{recovery}</code></li>)}</ul>
        </div>
      )}
      {enrolled && (
        <form class="inline-form" onSubmit={remove} noValidate>
          <Field label={t('password.current')} type="password" autocomplete="current-password" value={password} onValue={setPassword} error={action.fieldError('password')} />
          <button class="button danger" type="submit" disabled={action.busy}>{t('authenticator.remove')}</button>
        </form>
      )}
      {action.message && <p class="error" role="alert">{action.message}</p>}
    </section>
  );
}
