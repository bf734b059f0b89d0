'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Reloads the server-rendered day plan every `seconds` while the tab is visible, keeping scroll position and
 * open panels (router.refresh re-renders in place). Waits while the clerk is typing in a field or has a panel
 * open, so no half-written note or cancel reason is disturbed. Without JavaScript the page simply stays as loaded.
 */
export function LiveRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const busy = () => {
      const active = document.activeElement;
      const typing = active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement || (active instanceof HTMLInputElement && active.type !== 'submit');
      return typing || document.querySelector('main details[open]') !== null;
    };
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible' && !busy()) router.refresh();
    }, seconds * 1000);
    return () => window.clearInterval(timer);
  }, [router, seconds]);
  return null;
}
