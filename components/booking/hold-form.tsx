'use client';

import type { AltchaWidgetElement } from 'altcha/types/generic';
import type {} from 'altcha/types/react';
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';

type Props = {
  action: (formData: FormData) => Promise<void>;
  labelledBy: string;
  /** Where the widget fetches its proof-of-work challenge; absent when the location asks for none. */
  challengeUrl?: string;
  language: string;
  /** Said beside the widget: what the check is and that it needs no action. */
  challengeHint?: string;
  /** Announced while a chosen time waits for the check. */
  waitingText?: string;
  children: ReactNode;
};

/**
 * The form that holds a time. Where the location asks for a proof-of-work (ALTCHA), the widget solves it
 * as soon as the page opens; a time chosen before it is done waits for it and is then sent, with the
 * button the citizen pressed (its value is the time).
 */
export function HoldForm({ action, labelledBy, challengeUrl, language, challengeHint, waitingText, children }: Props) {
  const widget = useRef<AltchaWidgetElement>(null);
  // The time chosen while the check runs; a second click changes it rather than sending twice.
  const chosen = useRef<HTMLButtonElement | null>(null);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    if (!challengeUrl) return;
    // The widget registers a custom element and uses workers: browser-only, so loaded here.
    void import('altcha').then(() => (language === 'de' ? import('altcha/i18n/de') : import('altcha/i18n/en')));
  }, [challengeUrl, language]);

  // A time chosen while the widget still works: hold the click (the widget's required checkbox would
  // block the submit anyway) and send the form with that button once the solution is there.
  function onClickCapture(event: MouseEvent<HTMLFormElement>) {
    const element = widget.current;
    const button = (event.target as Element).closest('button[type="submit"]');
    if (!challengeUrl || !element || !(button instanceof HTMLButtonElement) || element.getState?.() === 'verified') return;
    event.preventDefault();
    const alreadyWaiting = chosen.current !== null;
    chosen.current = button;
    if (alreadyWaiting) return;
    setWaiting(true);
    const form = event.currentTarget;
    const finish = (solved: boolean) => {
      element.removeEventListener('statechange', onStateChange);
      const time = chosen.current;
      chosen.current = null;
      setWaiting(false);
      if (time && solved) form.requestSubmit(time);
      else if (time) sendWithoutSolution(form, time);
    };
    const onStateChange = (change: Event) => {
      const state = (change as CustomEvent<{ state?: string }>).detail?.state;
      if (state === 'verified') finish(true);
      else if (state === 'error') finish(false);
      else if (state === 'expired') void element.verify?.();
    };
    element.addEventListener('statechange', onStateChange);
    if (element.getState?.() === 'error') finish(false);
    else if (element.getState?.() !== 'verifying') void element.verify?.();
  }

  return (
    <form action={action} onClickCapture={onClickCapture} className="slot-form" aria-labelledby={labelledBy}>
      {challengeUrl && (
        <div className="challenge">
          <altcha-widget ref={widget} challenge={challengeUrl} auto="onload" name="altcha" language={language} suppressHydrationWarning />
          {challengeHint && <p className="field__hint">{challengeHint}</p>}
          <p role="status" className="field__hint">
            {waiting ? waitingText : ''}
          </p>
        </div>
      )}
      {children}
    </form>
  );
}

/**
 * The check failed (no connection to fetch a challenge, workers blocked): send the chosen time anyway, as
 * a plain form post that skips the widget's required checkbox; the server answers with the explanation
 * and the office's phone number instead of leaving the citizen waiting.
 */
function sendWithoutSolution(form: HTMLFormElement, time: HTMLButtonElement) {
  const start = document.createElement('input');
  start.type = 'hidden';
  start.name = time.name;
  start.value = time.value;
  form.append(start);
  form.submit();
}
