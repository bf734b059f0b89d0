import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '@/lib/html/escape';
import * as clientNamespaces from '@/lib/i18n/client-namespaces';
import { dateTimeFormat, plainMessage } from '@/lib/i18n/formats';
import de from '@/messages/de.json';
import en from '@/messages/en.json';

const catalogues = { de, en } as const;

describe('the time page’s per-item texts', () => {
  it('read exactly as next-intl formats them, in both languages', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      const t = createTranslator({ locale: locale as keyof typeof catalogues, messages, namespace: 'Booking.time' });
      for (const [key, values] of [
        ['slotButton', { time: '09:40' }],
        ['slotLabel', { time: '09:40' }],
        ['dayAvailable', { date: 'Donnerstag, 3. Dezember' }],
        ['dayUnavailable', { date: 'Sonntag, 6. Dezember' }],
      ] as const) {
        expect(plainMessage(t.raw(key))(values)).toBe(t(key, values));
      }
    }
  });

  it('refuse a message ICU would read differently, so a translation that grows a plural fails loudly', () => {
    expect(() => plainMessage('{count, plural, one {# Termin} other {# Termine}}')).toThrow(/Not a plain message/);
    expect(() => plainMessage("It'{s}")).toThrow(/Not a plain message/);
    expect(() => plainMessage(undefined)).toThrow(/Not a plain message/);
    expect(plainMessage('{time} Uhr reservieren')({ time: '10:10' })).toBe('10:10 Uhr reservieren');
  });

  it('format dates like a fresh Intl.DateTimeFormat, one shared per locale and options', () => {
    const options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' } as const;
    const start = new Date('2026-12-03T09:10:00Z');
    expect(dateTimeFormat('de', options).format(start)).toBe(new Intl.DateTimeFormat('de', options).format(start));
    expect(dateTimeFormat('de', options)).toBe(dateTimeFormat('de', { ...options }));
    expect(dateTimeFormat('en', options)).not.toBe(dateTimeFormat('de', options));
  });
});

describe('escapeHtml', () => {
  it('leaves no markup in text or attribute values', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&#60;img src=x onerror=&#34;alert(&#39;1&#39;)&#34;&#62;&#38;');
  });
});

describe('client message namespaces', () => {
  it('name only texts that exist, so no client component shows a raw key', () => {
    expect(Object.keys(clientNamespaces).filter((name) => name.endsWith('_CLIENT_NAMESPACES')).length).toBeGreaterThanOrEqual(10);
    const lists = Object.values(clientNamespaces as Record<string, unknown>).filter((value): value is readonly string[] => Array.isArray(value));
    for (const name of lists.flat()) {
      const text = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], de);
      expect(text, name).toBeTypeOf('object');
    }
  });

  it('send a part of a namespace nested as next-intl reads it', () => {
    const picked = clientNamespaces.pickNamespaces(de, ['Booking.hold', 'Booking.details', 'Error']);
    expect(Object.keys(picked).sort()).toEqual(['Booking', 'Error']);
    expect(Object.keys(picked.Booking as object).sort()).toEqual(['details', 'hold']);
    expect(picked.Error).toBe(de.Error);
  });
});
