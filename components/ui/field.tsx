import type { InputHTMLAttributes, ReactNode } from 'react';

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
};

/** A labelled input with hint and error wired to it via aria-describedby, so screen readers read both. */
export function Field({ name, label, hint, error, id = `field-${name}`, type = 'text', ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      <input
        id={id}
        name={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {error && (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The privacy consent checkbox every citizen form ends with: its label links the privacy notice (new tab). */
export function ConsentField({ label, linkText, privacyHref, defaultChecked, error }: { label: ReactNode; linkText: ReactNode; privacyHref: string; defaultChecked: boolean; error?: string }) {
  return (
    <div className={`field field--checkbox${error ? ' field--error' : ''}`}>
      <input type="checkbox" id="field-consent" name="consent" defaultChecked={defaultChecked} aria-invalid={error ? true : undefined} aria-describedby={error ? 'field-consent-error' : undefined} />
      <label htmlFor="field-consent">
        {label}{' '}
        <a href={privacyHref} target="_blank" rel="noopener">
          {linkText}
        </a>
      </label>
      {error && (
        <span id="field-consent-error" className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}
