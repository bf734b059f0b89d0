import { Text } from 'react-email';
import type { WishMailData } from '@/db/queries/waitlist';
import { intlLocale } from '@/lib/format';
import { AppointmentDetails } from './components/booking-details';
import { MailLayout } from './components/mail-layout';
import { mailTranslator, type BookingMailData } from './components/mail-text';
import { MailAction, wishLinks } from './components/wish-details';

export type WaitlistOfferEmailProps = { booking: BookingMailData; wishCode: string; holdExpiresAt: Date; appUrl: string };

const until = (locale: WishMailData['locale'], at: Date, timeZone: string) =>
  new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeStyle: 'short', timeZone, hourCycle: 'h23' }).format(at);

/** 'Ein Termin für Ihren Wunsch W-K7QM-4XPA: 3. Dezember 2026, 09:40 Uhr' */
export function waitlistOfferSubject({ booking, wishCode }: Pick<WaitlistOfferEmailProps, 'booking' | 'wishCode'>): string {
  const t = mailTranslator(booking.locale);
  const date = new Intl.DateTimeFormat(intlLocale(booking.locale), { dateStyle: 'long', timeStyle: 'short', timeZone: booking.location.timeZone, hourCycle: 'h23' }).format(booking.start);
  return t('waitlist.offerSubject', { code: wishCode, date });
}

export default function WaitlistOfferEmail({ booking, wishCode, holdExpiresAt, appUrl }: WaitlistOfferEmailProps) {
  const { locale } = booking;
  const t = mailTranslator(locale);
  const deadline = until(locale, holdExpiresAt, booking.location.timeZone);
  return (
    <MailLayout locale={locale} t={t} preview={t('waitlist.offerPreview', { until: deadline })} heading={t('waitlist.offerHeading')} name={booking.name} location={booking.location}>
      <Text>{t('waitlist.offerIntro', { until: deadline })}</Text>
      <AppointmentDetails t={t} locale={locale} booking={booking} />
      <MailAction
        heading={t('waitlist.offerTitle')}
        text={t('waitlist.offerText', { until: deadline })}
        label={t('waitlist.offerLink')}
        url={wishLinks(appUrl, locale, wishCode).status}
        note={t('waitlist.offerNote')}
      />
    </MailLayout>
  );
}
