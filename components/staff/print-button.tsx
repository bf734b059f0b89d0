'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** Prints the day plan (the print style sheet leaves out navigation and buttons). Rendered only with JavaScript. */
export function PrintButton({ label }: { label: string }) {
  const scripted = useSyncExternalStore(subscribe, () => true, () => false);
  if (!scripted) return null;
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
