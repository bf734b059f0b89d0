import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type Described = { name: string; label: ReactNode; hint?: ReactNode; error?: string; id?: string };

/** The ids a control's hint and error get, joined for aria-describedby (same scheme as `Field`). */
function described(id: string, hint?: ReactNode, error?: string) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function Wrapper({ id, label, hint, error, hintId, errorId, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; hintId?: string; errorId?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {children}
      {error && (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A labelled select with hint and error announced via aria-describedby. */
export function SelectField({ name, label, hint, error, id = `field-${name}`, children, ...select }: Described & SelectHTMLAttributes<HTMLSelectElement>) {
  const { hintId, errorId, describedBy } = described(id, hint, error);
  return (
    <Wrapper {...{ id, label, hint, error, hintId, errorId }}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {children}
      </select>
    </Wrapper>
  );
}

/** A labelled textarea with hint and error announced via aria-describedby. */
export function TextAreaField({ name, label, hint, error, id = `field-${name}`, ...textarea }: Described & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { hintId, errorId, describedBy } = described(id, hint, error);
  return (
    <Wrapper {...{ id, label, hint, error, hintId, errorId }}>
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
    </Wrapper>
  );
}

/** A checkbox with its label beside it (and an optional hint below), sent as "on" when ticked. */
export function CheckboxField({ name, label, hint, error, id = `field-${name}`, ...input }: Described & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const { hintId, errorId, describedBy } = described(id, hint, error);
  return (
    <div className={`field field--checkbox${error ? ' field--error' : ''}`}>
      <input type="checkbox" id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

/** Hidden inputs carrying `values` into the next submit (the confirmation step of a form). */
export function HiddenValues({ values }: { values: Record<string, string> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
