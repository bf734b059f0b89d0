'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** Opens the browser's print dialog; shown only with JavaScript (without it, the browser's own menu prints). Never printed itself. */
export function PrintButton({ children }: { children: string }) {
  const scripted = useSyncExternalStore(subscribe, () => true, () => false);
  if (!scripted) return null;
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      {children}
    </button>
  );
}
