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
    '/termin/anfrage': { de: '/termin/anfrage', en: '/appointment/request' },
    '/termin/anfrage/bestaetigung': { de: '/termin/anfrage/bestaetigung', en: '/appointment/request/confirmation' },
    '/termin/anfrage/zuruecknehmen': { de: '/termin/anfrage/zuruecknehmen', en: '/appointment/request/withdraw' },
    '/termin/wunsch': { de: '/termin/wunsch', en: '/appointment/wish' },
    '/termin/wunsch/gesendet': { de: '/termin/wunsch/gesendet', en: '/appointment/wish/sent' },
    '/termin/wunsch/bestaetigen': { de: '/termin/wunsch/bestaetigen', en: '/appointment/wish/confirm' },
    '/termin/wunsch/status': { de: '/termin/wunsch/status', en: '/appointment/wish/status' },
    '/termin/verschieben': { de: '/termin/verschieben', en: '/appointment/reschedule' },
    '/termin/verschieben/pruefen': { de: '/termin/verschieben/pruefen', en: '/appointment/reschedule/review' },
    '/termin/verschieben/bestaetigung': { de: '/termin/verschieben/bestaetigung', en: '/appointment/reschedule/confirmation' },
    '/datenschutz': { de: '/datenschutz', en: '/privacy' },
    '/barrierefreiheit': { de: '/barrierefreiheit', en: '/accessibility' },
    '/impressum': { de: '/impressum', en: '/imprint' },
    '/verwaltung': '/verwaltung',
    '/verwaltung/einstellungen': '/verwaltung/einstellungen',
    '/verwaltung/einstellungen/schliesstage': '/verwaltung/einstellungen/schliesstage',
    '/verwaltung/einstellungen/standorte': '/verwaltung/einstellungen/standorte',
    '/verwaltung/einstellungen/leistungen': '/verwaltung/einstellungen/leistungen',
    '/verwaltung/einstellungen/konten': '/verwaltung/einstellungen/konten',
    '/verwaltung/einstellungen/protokoll': '/verwaltung/einstellungen/protokoll',
    '/verwaltung/einstellungen/mails': '/verwaltung/einstellungen/mails',
    '/verwaltung/buchen': '/verwaltung/buchen',
    '/verwaltung/anfragen': '/verwaltung/anfragen',
    '/verwaltung/statistik': '/verwaltung/statistik',
    '/verwaltung/aufruf': '/verwaltung/aufruf',
    '/verwaltung/einstellungen/kiosk': '/verwaltung/einstellungen/kiosk',
    // Devices in the office: the kiosk at the entrance and the call display.
    '/kiosk': '/kiosk',
    '/kiosk/koppeln': '/kiosk/koppeln',
    '/kiosk/nummer': '/kiosk/nummer',
    '/aufruf/[office]': '/aufruf/[office]',
    '/verwaltung/wuensche': '/verwaltung/wuensche',
  },
});

export type Locale = (typeof routing.locales)[number];
export type AppPathname = keyof typeof routing.pathnames;
