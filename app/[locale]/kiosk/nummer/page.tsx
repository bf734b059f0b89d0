import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BackToStart } from '@/components/front-desk/back-to-start';
import { PrintButton } from '@/components/ui/print-button';
import { ticketForKiosk } from '@/lib/front-desk/desk';
import { currentKiosk } from '@/lib/front-desk/kiosk-device';
import { Link, redirect } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { firstParam } from '@/lib/search-params';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Kiosk' }))('ticketTitle'), robots: { index: false } };
}

/** The waiting number on screen and as a small printed ticket; back to the start after a while. */
export default async function KioskTicketPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Kiosk');
  const kiosk = await currentKiosk();
  if (!kiosk) redirect({ href: '/kiosk/koppeln', locale });
  const visitId = Number(firstParam((await searchParams).v));
  const ticket = Number.isSafeInteger(visitId) && visitId > 0 ? await ticketForKiosk({ locationId: kiosk!.locationId, visitId }) : null;
  if (!ticket) redirect({ href: '/kiosk', locale });
  return (
    <div className="device-screen kiosk kiosk--ticket">
      <h1 className="no-print">{t('ticketTitle')}</h1>
      <div className="ticket">
        <p className="ticket__caption">{t('yourNumber')}</p>
        <p className="ticket__number" data-testid="ticket-number">
          {ticket!.label}
        </p>
        <p>{ticket!.kind === 'appointment' ? t('checkedIn') : t('walkInDrawn')}</p>
        <p>{t('estimate', { minutes: ticket!.waitMinutes, ahead: ticket!.ahead })}</p>
        <p>{t('watchDisplay')}</p>
      </div>
      <div className="kiosk__actions no-print">
        <PrintButton>{t('print')}</PrintButton>
        <Link href="/kiosk" className="button button--primary">
          {t('done')}
        </Link>
      </div>
      <BackToStart seconds={30} />
    </div>
  );
}
