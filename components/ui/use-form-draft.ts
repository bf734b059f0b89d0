'use client';

import { useEffect, type RefObject } from 'react';

/**
 * Keeps what was typed into the named fields of a form in this tab's sessionStorage under `key`, and puts it
 * back when the form mounts again with those fields empty: after the browser's Back button or a language
 * switch, which render the page anew from what the server last knew. Gone when the tab is closed.
 */
export function useFormDraft(form: RefObject<HTMLFormElement | null>, key: string, fields: readonly string[]) {
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const storageKey = `draft:${key}`;
    const controls = () => fields.map((name) => element.elements.namedItem(name)).filter((c): c is HTMLInputElement => c instanceof HTMLInputElement);
    try {
      const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? '{}') as Record<string, string | boolean>;
      for (const control of controls()) {
        const value = saved[control.name];
        if (control.type === 'checkbox') {
          if (value === true) control.checked = true;
        } else if (typeof value === 'string' && control.value === '') control.value = value;
      }
    } catch {
      // A full or disabled storage only loses the draft.
    }
    const save = () => {
      const draft = Object.fromEntries(controls().map((c) => [c.name, c.type === 'checkbox' ? c.checked : c.value]));
      try {
        sessionStorage.setItem(storageKey, JSON.stringify(draft));
      } catch {
        // As above.
      }
    };
    element.addEventListener('input', save);
    element.addEventListener('change', save);
    return () => {
      element.removeEventListener('input', save);
      element.removeEventListener('change', save);
    };
  }, [form, key, fields]);
}
