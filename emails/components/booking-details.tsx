import { Heading, Link, Section, Text } from 'react-email';
import { mapLink, pick } from '@/lib/format';
import { colors } from './mail-layout';
import { formatAppointment, type BookingMailData, type MailLocale, type MailTranslator } from './mail-text';

const h2 = { fontSize: '18px', lineHeight: '26px', margin: '24px 0 8px' };
const label = { color: colors.muted, fontSize: '14px', lineHeight: '20px', margin: '8px 0 0' };
const value = { margin: '0' };
const list = { margin: '0 0 8px', paddingLeft: '20px' };

type Props = { t: MailTranslator; locale: MailLocale; booking: BookingMailData };

/** When and where, with duration and the services booked. */
export function AppointmentDetails({ t, locale, booking }: Props) {
  const when = formatAppointment(t, locale, booking);
  const { location } = booking;
  return (
    <Section style={{ backgroundColor: colors.panel, borderRadius: '6px', padding: '4px 16px 12px' }}>
      <Text style={label}>{t('dateLabel')}</Text>
      <Text style={{ ...value, fontWeight: 'bold' }}>{when.date}</Text>
      <Text style={label}>{t('timeLabel')}</Text>
      <Text style={{ ...value, fontWeight: 'bold' }}>{when.time}</Text>
      <Text style={label}>{t('durationLabel')}</Text>
      <Text style={value}>{when.duration}</Text>
      <Text style={label}>{t('placeLabel')}</Text>
      <Text style={value}>
        {pick(location.name, locale)}
        <br />
        {location.street}
        <br />
        {location.postalCode} {location.city}
        <br />
        <Link href={mapLink(location)} style={{ color: colors.accent }}>
          {t('map')}
        </Link>
      </Text>
      <Text style={label}>{t('services')}</Text>
      <ul style={list}>
        {booking.items.map((item, index) => (
          <li key={index}>
            {t('serviceCount', { count: item.count, name: pick(item.name, locale) })}
            {item.fee && <span style={{ color: colors.muted }}> – {t('fee', { fee: pick(item.fee, locale) })}</span>}
          </li>
        ))}
      </ul>
      <Text style={{ ...value, marginTop: '8px', fontWeight: 'bold' }}>{t('comeEarly')}</Text>
    </Section>
  );
}

/** The documents to bring, each once, with links to forms to fill in beforehand. */
export function DocumentsToBring({ t, locale, booking }: Props) {
  if (booking.documents.length === 0) return null;
  return (
    <Section>
      <Heading as="h2" style={h2}>
        {t('documents')}
      </Heading>
      <ul style={list}>
        {booking.documents.map((doc, index) => (
          <li key={index} style={{ marginBottom: '6px' }}>
            {pick(doc.name, locale)}
            {doc.hint && <span style={{ color: colors.muted }}> – {pick(doc.hint, locale)}</span>}
            {doc.formUrl && (
              <>
                {' '}
                (<Link href={doc.formUrl} aria-label={t('formLabel', { name: pick(doc.name, locale) })} style={{ color: colors.accent }}>
                  {t('form')}
                </Link>
                )
              </>
            )}
          </li>
        ))}
      </ul>
      <Text style={{ ...label, marginTop: '0' }}>{t('documentsNote')}</Text>
    </Section>
  );
}

/** Booking number and PIN, large enough to find again in a month. */
export function Credentials({ t, code, pin }: { t: MailTranslator; code: string; pin: string }) {
  const big = { fontSize: '24px', lineHeight: '32px', fontWeight: 'bold', letterSpacing: '2px', margin: '0', fontFamily: 'Consolas, Menlo, monospace' };
  return (
    <Section style={{ border: `2px solid ${colors.accent}`, borderRadius: '6px', padding: '4px 16px 12px', margin: '24px 0 8px' }}>
      <Text style={label}>{t('bookingNumber')}</Text>
      <Text style={big}>{code}</Text>
      <Text style={label}>{t('pin')}</Text>
      <Text style={big}>{pin}</Text>
      <Text style={{ ...value, marginTop: '8px', fontSize: '14px', lineHeight: '20px' }}>{t('keepSafe')}</Text>
    </Section>
  );
}

/** How to cancel: the link opens the page; cancelling itself needs the PIN (a GET never changes anything). */
export function CancelHint({ t, cancelUrl }: { t: MailTranslator; cancelUrl: string }) {
  return (
    <Section>
      <Heading as="h2" style={h2}>
        {t('cancelTitle')}
      </Heading>
      <Text style={value}>{t('cancelText')}</Text>
      <Text>
        <Link href={cancelUrl} style={{ color: colors.accent, fontWeight: 'bold' }}>
          {t('cancelLink')}
        </Link>
        <br />
        {/* The address written out for copying; plain text shows it after the link already. */}
        <span data-skip-in-text="true" style={{ color: colors.muted, fontSize: '14px' }}>
          {cancelUrl}
        </span>
      </Text>
      <Text style={{ ...label, marginTop: '0' }}>{t('cancelNote')}</Text>
    </Section>
  );
}
