import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['de', 'en'],
  defaultLocale: 'de',
  localePrefix: 'always',
  // Citizen-facing paths read naturally in each language; the staff area keeps its German name.
  pathnames: {
    '/': '/',
    '/termin': { de: '/termin', en: '/appointment' },
    '/termin/zeit': { de: '/termin/zeit', en: '/appointment/time' },
    '/termin/daten': { de: '/termin/daten', en: '/appointment/details' },
    '/termin/pruefen': { de: '/termin/pruefen', en: '/appointment/review' },
    '/termin/bestaetigung': { de: '/termin/bestaetigung', en: '/appointment/confirmation' },
    '/termin/absagen': { de: '/termin/absagen', en: '/appointment/cancel' },
    '/datenschutz': { de: '/datenschutz', en: '/privacy' },
    '/barrierefreiheit': { de: '/barrierefreiheit', en: '/accessibility' },
    '/impressum': { de: '/impressum', en: '/imprint' },
    '/verwaltung': '/verwaltung',
  },
});

export type Locale = (typeof routing.locales)[number];
export type AppPathname = keyof typeof routing.pathnames;
