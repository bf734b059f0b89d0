'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

const ANNOUNCE_AT_MINUTES = [5, 2, 1];

/**
 * Time left on the hold. The visible clock ticks every second but is hidden from screen readers;
 * a polite live region speaks only at 5, 2 and 1 minutes and at expiry (WCAG 2.2.1 without noise).
 * Without JavaScript the server-rendered "reserved until" text stands alone.
 */
export function HoldCountdown({ expiresAt, untilText }: { expiresAt: string; untilText: string }) {
  const t = useTranslations('Booking.hold');
  const end = new Date(expiresAt).getTime();
  const [now, setNow] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const tick = () => {
      const current = Date.now();
      const secondsLeft = Math.max(0, Math.round((end - current) / 1000));
      setNow(current);
      if (secondsLeft === 0) setAnnouncement(t('expiredNow'));
      else if (secondsLeft % 60 === 0 && ANNOUNCE_AT_MINUTES.includes(secondsLeft / 60)) setAnnouncement(t('announce', { minutes: secondsLeft / 60 }));
    };
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [end, t]);

  const left = now === null ? null : Math.max(0, Math.round((end - now) / 1000));

  return (
    <div className={`countdown${left === 0 ? ' countdown--expired' : ''}`}>
      <p className="countdown__until">{untilText}</p>
      {left !== null && (
        <p className="countdown__clock" aria-hidden="true">
          {left === 0 ? t('expiredNow') : t('remaining', { minutes: Math.floor(left / 60), seconds: String(left % 60).padStart(2, '0') })}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </p>
    </div>
  );
}
