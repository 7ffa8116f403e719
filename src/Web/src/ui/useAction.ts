import { useState } from 'preact/hooks';
import { ProblemError } from '../api/problem';
import { t } from '../i18n/i18n';

/**
 * Runs a form's action once at a time and keeps its failure: field errors from a 400 by field
 * name, anything else as one message (rate limits say when to try again).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ProblemError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function run(action: () => Promise<void>): Promise<void> {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setMessage(null);
    try {
      await action();
    } catch (error) {
      if (error instanceof ProblemError) {
        setFailure(error);
        const { problem } = error;
        if (problem.status === 429) setMessage(t('error.rateLimited', { seconds: problem.retryAfterSeconds ?? 60 }));
        else if (Object.keys(problem.errors).length === 0) setMessage(problem.detail ?? problem.title);
      } else {
        console.error(error);
        setMessage(navigator.onLine ? t('error.unexpected') : t('error.offline'));
      }
    } finally {
      setBusy(false);
    }
  }

  return { busy, run, message, fieldError: (name: string) => failure?.field(name) };
}
