import type { JSX } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface FieldProps extends Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value'> {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string;
}

/** A labelled input whose error is announced and tied to it for screen readers. */
export function Field({ label, value, onValue, error, hint, autoFocus, ...input }: FieldProps) {
  const id = useId();
  const element = useRef<HTMLInputElement>(null);
  // The autofocus attribute only works on page load; screens that appear later focus here.
  useEffect(() => {
    if (autoFocus) element.current?.focus();
  }, [autoFocus]);
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} ref={element} value={value} onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="error" id={`${id}-error`} role="alert">{error}</p>}
    </div>
  );
}
