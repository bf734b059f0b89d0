import { describe, expect, it } from 'vitest';
import { routeOf } from '@/lib/metrics/http-route';

describe('routeOf', () => {
  it('names the route of a page in either language, without query or trailing slash', () => {
    expect(routeOf('/de/termin/zeit?standort=x&tag=2026-01-01')).toBe('/[locale]/termin/zeit');
    expect(routeOf('/en/appointment/time')).toBe('/[locale]/termin/zeit');
    expect(routeOf('/en/')).toBe('/[locale]');
    expect(routeOf('/de/verwaltung/einstellungen/mails')).toBe('/[locale]/verwaltung/einstellungen/mails');
  });

  it('never puts a booking number or a made-up path into a label', () => {
    expect(routeOf('/api/termin/K7QM-4XPA/ics')).toBe('/api/termin/[code]/ics');
    expect(routeOf('/de/K7QM-4XPA')).toBe('other');
    expect(routeOf('/wp-login.php')).toBe('other');
    expect(routeOf('/_next/static/chunks/abc.js')).toBe('/_next/static');
    expect(routeOf('/api/metrics')).toBe('/api/metrics');
  });
});
