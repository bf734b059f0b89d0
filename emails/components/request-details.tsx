import { Heading, Link, Section, Text } from 'react-email';
import type { RequestMailData } from '@/db/queries/mail-data';
import { intlLocale, pick } from '@/lib/format';
import { routing } from '@/lib/i18n/routing';
import { colors } from './mail-layout';
import type { MailLocale, MailTranslator } from './mail-text';

const h2 = { fontSize: '18px', lineHeight: '26px', margin: '24px 0 8px' };
const label = { color: colors.muted, fontSize: '14px', lineHeight: '20px', margin: '8px 0 0' };
const value = { margin: '0' };
const list = { margin: '0 0 8px', paddingLeft: '20px' };


/** 'Dienstag, 9. Juni 2026, vormittags': a preferred day as the reader says it (a calendar date, no time zone). */
export function formatPreferredDay(t: MailTranslator, locale: MailLocale, preference: RequestMailData['preferences'][number]): string {
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${preference.date}T12:00:00Z`));
  return t('requestReceived.preferredDay', { date, part: t(`partsOfDay.${preference.partOfDay}`) });
}

/** Absolute links for request mails; they only open pages, nothing changes on a GET. */
export function requestLinks(appUrl: string, locale: MailLocale, request: Pick<RequestMailData, 'code' | 'location'>) {
  const base = `${appUrl.replace(/\/$/, '')}/${locale}`;
  return {
    withdraw: `${base}${routing.pathnames['/termin/anfrage/zuruecknehmen'][locale]}?nummer=${encodeURIComponent(request.code)}`,
    requestAgain: `${base}${routing.pathnames['/termin/anfrage'][locale]}?standort=${encodeURIComponent(request.location.slug)}`,
  };
}

/** What the citizen asked for: where, which services, which days, their note. */
export function RequestSummary({ t, locale, request }: { t: MailTranslator; locale: MailLocale; request: RequestMailData }) {
  const { location } = request;
  return (
    <Section style={{ backgroundColor: colors.panel, borderRadius: '6px', padding: '4px 16px 12px' }}>
      <Text style={label}>{t('placeLabel')}</Text>
      <Text style={value}>
        {pick(location.name, locale)}
        <br />
        {location.street}
        <br />
        {location.postalCode} {location.city}
      </Text>
      <Text style={label}>{t('services')}</Text>
      <ul style={list}>
        {request.items.map((item, index) => (
          <li key={index}>{t('serviceCount', { count: item.count, name: pick(item.name, locale) })}</li>
        ))}
      </ul>
      <Text style={label}>{t('requestReceived.preferences')}</Text>
      <ul style={list}>
        {request.preferences.map((preference, index) => (
          <li key={index}>{formatPreferredDay(t, locale, preference)}</li>
        ))}
      </ul>
      {request.note && (
        <>
          <Text style={label}>{t('requestReceived.note')}</Text>
          <Text style={value}>{request.note}</Text>
        </>
      )}
    </Section>
  );
}

/** Request number and PIN, large enough to find again. */
export function RequestCredentials({ t, code, pin }: { t: MailTranslator; code: string; pin: string }) {
  const big = { fontSize: '24px', lineHeight: '32px', fontWeight: 'bold', letterSpacing: '2px', margin: '0', fontFamily: 'Consolas, Menlo, monospace' };
  return (
    <Section style={{ border: `2px solid ${colors.accent}`, borderRadius: '6px', padding: '4px 16px 12px', margin: '24px 0 8px' }}>
      <Text style={label}>{t('requestReceived.requestNumber')}</Text>
      <Text style={big}>{code}</Text>
      <Text style={label}>{t('pin')}</Text>
      <Text style={big}>{pin}</Text>
      <Text style={{ ...value, marginTop: '8px', fontSize: '14px', lineHeight: '20px' }}>{t('requestReceived.keepSafe')}</Text>
    </Section>
  );
}

/** How to withdraw: the link opens the page; withdrawing itself needs the PIN. */
export function WithdrawHint({ t, url }: { t: MailTranslator; url: string }) {
  return (
    <Section>
      <Heading as="h2" style={h2}>
        {t('requestReceived.withdrawTitle')}
      </Heading>
      <Text style={value}>{t('requestReceived.withdrawText')}</Text>
      <Text>
        <Link href={url} style={{ color: colors.accent, fontWeight: 'bold' }}>
          {t('requestReceived.withdrawLink')}
        </Link>
        <br />
        <span data-skip-in-text="true" style={{ color: colors.muted, fontSize: '14px' }}>
          {url}
        </span>
      </Text>
      <Text style={{ ...label, marginTop: '0' }}>{t('requestReceived.withdrawNote')}</Text>
    </Section>
  );
}

/** Sample data for the react-email preview (`email dev`); never sent. */
export const previewRequest: RequestMailData = {
  id: 1,
  code: 'A-K7QM-4XPA',
  locale: 'de',
  status: 'open',
  name: 'Erika Mustermann',
  email: 'erika@example.org',
  preferences: [
    { date: '2026-12-01', partOfDay: 'morning' },
    { date: '2026-12-03', partOfDay: 'any' },
  ],
  note: 'Bitte nicht vor 9 Uhr.',
  declineReason: null,
  location: {
    slug: 'ortschaft-hochdorf',
    name: { de: 'Ortschaftsverwaltung Hochdorf', en: 'Local Office Hochdorf' },
    street: 'Hauptstraße 12',
    postalCode: '72346',
    city: 'Musterstadt-Hochdorf',
    phone: '07123 456-310',
    email: 'hochdorf@musterstadt.example',
    timeZone: 'Europe/Berlin',
  },
  items: [{ name: { de: 'Personalausweis beantragen', en: 'Apply for an ID card' }, count: 2 }],
};
