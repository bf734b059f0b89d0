'use client';

import { useEffect } from 'react';
import { useRouter } from '@/lib/i18n/navigation';

/** The kiosk returns to its start page after `seconds`, ready for the next visitor. */
export function BackToStart({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setTimeout(() => router.replace('/kiosk'), seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [router, seconds]);
  return null;
}
