'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** Disables every button inside while its form is being sent (against double submits), so the buttons themselves can stay plain server-rendered elements. */
export function PendingFieldset({ children }: { children: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <fieldset className="pending-fieldset" disabled={pending} aria-busy={pending}>
      {children}
    </fieldset>
  );
}
