'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Re-renders the page in place whenever the office's waiting room changes (the call display's event stream,
 * fed by PostgreSQL from any instance), and once a minute for the waiting times. Waits while the clerk types.
 */
export function LiveQueue({ office }: { office: string }) {
  const router = useRouter();
  useEffect(() => {
    const busy = () => {
      const active = document.activeElement;
      return active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement || (active instanceof HTMLInputElement && active.type !== 'submit') || document.querySelector('main details[open]') !== null;
    };
    const refresh = () => {
      if (!busy()) router.refresh();
    };
    let first = true;
    const source = new EventSource(`/api/aufruf/${encodeURIComponent(office)}`);
    source.addEventListener('state', () => {
      // The first state only repeats what the page was rendered with.
      if (first) first = false;
      else refresh();
    });
    const timer = window.setInterval(refresh, 60_000);
    return () => {
      source.close();
      window.clearInterval(timer);
    };
  }, [office, router]);
  return null;
}
