'use client';

import type { ButtonHTMLAttributes } from 'react';
import { useFormStatus } from 'react-dom';

/** A submit button that is disabled while its form is being sent, against double submits. */
export function SubmitButton({ children, pendingText, className = 'button button--primary', ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { pendingText?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} {...rest}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
