import { Heading, Link, Section, Text } from 'react-email';
import type { WishMailData } from '@/db/queries/waitlist';
import { intlLocale, pick } from '@/lib/format';
import { routing } from '@/lib/i18n/routing';
import { colors } from './mail-layout';
import type { MailLocale, MailTranslator } from './mail-text';

const label = { color: colors.muted, fontSize: '14px', lineHeight: '20px', margin: '8px 0 0' };
const value = { margin: '0' };
const list = { margin: '0 0 8px', paddingLeft: '20px' };
const big = { fontSize: '24px', lineHeight: '32px', fontWeight: 'bold', letterSpacing: '2px', margin: '0', fontFamily: 'Consolas, Menlo, monospace' };

/** Absolute links for waitlist mails; they only open pages, nothing changes on a GET. */
export function wishLinks(appUrl: string, locale: MailLocale, code: string, token?: string) {
  const base = `${appUrl.replace(/\/$/, '')}/${locale}`;
  return {
    confirm: `${base}${routing.pathnames['/termin/wunsch/bestaetigen'][locale]}?token=${encodeURIComponent(token ?? '')}`,
    status: `${base}${routing.pathnames['/termin/wunsch/status'][locale]}?nummer=${encodeURIComponent(code)}`,
  };
}

const calendarDate = (locale: MailLocale, date: string) => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** What the citizen wishes: services, offices, dates, weekdays and parts of day. */
export function WishSummary({ t, locale, wish }: { t: MailTranslator; locale: MailLocale; wish: WishMailData }) {
  const weekday = (n: number) => new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, n)));
  return (
    <Section style={{ backgroundColor: colors.panel, borderRadius: '6px', padding: '4px 16px 12px' }}>
      <Text style={label}>{t('services')}</Text>
      <ul style={list}>
        {wish.items.map((item, index) => (
          <li key={index}>{t('serviceCount', { count: item.count, name: pick(item.name, locale) })}</li>
        ))}
      </ul>
      <Text style={label}>{t('waitlist.offices')}</Text>
      <ul style={list}>
        {wish.offices.map((office, index) => (
          <li key={index}>{pick(office.name, locale)}</li>
        ))}
      </ul>
      <Text style={label}>{t('waitlist.when')}</Text>
      <Text style={value}>
        {t('waitlist.between', { from: calendarDate(locale, wish.earliestDate), to: calendarDate(locale, wish.latestDate) })}
        <br />
        {[...wish.weekdays].sort().map(weekday).join(', ')}
        <br />
        {wish.parts.map((p) => t(`partsOfDay.${p}`)).join(', ')}
      </Text>
    </Section>
  );
}

/** Wish number and PIN, large enough to find again. */
export function WishCredentials({ t, code, pin }: { t: MailTranslator; code: string; pin: string }) {
  return (
    <Section style={{ border: `2px solid ${colors.accent}`, borderRadius: '6px', padding: '4px 16px 12px', margin: '24px 0 8px' }}>
      <Text style={label}>{t('waitlist.wishNumber')}</Text>
      <Text style={big}>{code}</Text>
      <Text style={label}>{t('pin')}</Text>
      <Text style={big}>{pin}</Text>
      <Text style={{ ...value, marginTop: '8px', fontSize: '14px', lineHeight: '20px' }}>{t('waitlist.keepSafe')}</Text>
    </Section>
  );
}

/** A button-like link with the address written out below it. */
export function MailAction({ heading, text, label: linkLabel, url, note }: { heading: string; text: string; label: string; url: string; note?: string }) {
  return (
    <Section>
      <Heading as="h2" style={{ fontSize: '18px', lineHeight: '26px', margin: '24px 0 8px' }}>
        {heading}
      </Heading>
      <Text style={value}>{text}</Text>
      <Text>
        <Link href={url} style={{ color: colors.accent, fontWeight: 'bold' }}>
          {linkLabel}
        </Link>
        <br />
        <span data-skip-in-text="true" style={{ color: colors.muted, fontSize: '14px' }}>
          {url}
        </span>
      </Text>
      {note && <Text style={{ ...label, marginTop: '0' }}>{note}</Text>}
    </Section>
  );
}
