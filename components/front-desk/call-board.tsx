'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

export type Call = { id: number; label: string; counter: string; calls: number; at: string };

/** A short two-tone chime from Web Audio (no sound file); browsers let it sound once the display was clicked or tapped. */
function chime(context: AudioContext) {
  const start = context.currentTime;
  [659.25, 523.25].forEach((frequency, i) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.45);
    gain.gain.exponentialRampToValueAtTime(0.35, start + i * 0.45 + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.45 + 0.8);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + i * 0.45);
    oscillator.stop(start + i * 0.45 + 0.85);
  });
}

const keyOf = (call: Call | undefined) => (call ? `${call.id}:${call.calls}:${call.at}` : '');

/**
 * The calls, newest first and large; updated from `/api/aufruf/<office>` (EventSource reconnects by itself after
 * a restart of the app, the server's feed after one of PostgreSQL). A new call sounds a chime (switchable) and is
 * announced to screen readers.
 */
export function CallBoard({ office, initial }: { office: string; initial: Call[] }) {
  const t = useTranslations('CallDisplay');
  const [calls, setCalls] = useState(initial);
  const [online, setOnline] = useState(true);
  const [sound, setSound] = useState(true);
  const [announcement, setAnnouncement] = useState('');
  const audio = useRef<AudioContext | null>(null);
  const lastKey = useRef(keyOf(initial[0]));
  const soundOn = useRef(sound);
  useEffect(() => {
    soundOn.current = sound;
  }, [sound]);

  useEffect(() => {
    const source = new EventSource(`/api/aufruf/${encodeURIComponent(office)}`);
    source.addEventListener('open', () => setOnline(true));
    source.addEventListener('error', () => setOnline(false));
    source.addEventListener('state', (event) => {
      setOnline(true);
      const next = (JSON.parse((event as MessageEvent<string>).data) as { calls: Call[] }).calls;
      setCalls(next);
      const newest = next[0];
      if (newest && keyOf(newest) !== lastKey.current) {
        lastKey.current = keyOf(newest);
        setAnnouncement(t('announce', { number: newest.label, counter: newest.counter }));
        if (soundOn.current && audio.current) {
          void audio.current.resume().then(() => chime(audio.current!));
        }
      }
    });
    return () => source.close();
  }, [office, t]);

  // Browsers allow sound only after a gesture on the page: the first click or tap anywhere unlocks it.
  useEffect(() => {
    const unlock = () => {
      audio.current ??= new AudioContext();
      void audio.current.resume();
    };
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  const [current, ...earlier] = calls;
  return (
    <>
      <p className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>
      {current ? (
        <section className="call-display__current" aria-labelledby="current-call">
          <h2 id="current-call" className="visually-hidden">
            {t('current')}
          </h2>
          <p className="call-display__number" data-testid="current-number">
            {current.label}
          </p>
          <p className="call-display__counter">{t('toCounter', { counter: current.counter })}</p>
        </section>
      ) : (
        <p className="call-display__empty">{t('none')}</p>
      )}
      {earlier.length > 0 && (
        <section aria-labelledby="earlier-calls">
          <h2 id="earlier-calls" className="call-display__subtitle">
            {t('earlier')}
          </h2>
          <table className="call-display__table">
            <thead>
              <tr>
                <th scope="col">{t('number')}</th>
                <th scope="col">{t('counter')}</th>
              </tr>
            </thead>
            <tbody>
              {earlier.map((call) => (
                <tr key={call.id}>
                  <td>{call.label}</td>
                  <td>{call.counter}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <div className="call-display__footer">
        <p role="status">{online ? t('live') : t('reconnecting')}</p>
        <button type="button" className="call-display__sound" aria-pressed={sound} onClick={() => setSound((on) => !on)}>
          {t('sound')}
        </button>
      </div>
    </>
  );
}
