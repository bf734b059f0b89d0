import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { RequestFacts } from '@/components/requests/request-facts';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { currentReceipt } from '@/lib/requests/receipt';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Request.confirmation' }))('title'), robots: { index: false } };
}

/** Number and PIN of the request this browser just sent; they come from a short-lived httpOnly cookie, never from the URL. */
export default async function RequestConfirmationPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Request.confirmation');
  const receipt = await currentReceipt();

  if (receipt.kind === 'none') {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="alert alert--info">{t('notFound')}</p>
      </>
    );
  }

  if (receipt.kind === 'duplicate') {
    return (
      <>
        <div className="alert alert--info" role="status">
          <h1>{t('duplicateTitle')}</h1>
          <p>{t('duplicateText')}</p>
        </div>
        <dl className="secrets">
          <div>
            <dt>{t('code')}</dt>
            <dd className="secret" data-testid="request-code">
              {receipt.code}
            </dd>
          </div>
        </dl>
        <p>
          {t('withdrawInfo')} <Link href={{ pathname: '/termin/anfrage/zuruecknehmen', query: { nummer: receipt.code } }}>{t('withdrawLink')}</Link>
        </p>
      </>
    );
  }

  const { request, pin } = receipt;
  return (
    <>
      <div className="alert alert--success" role="status">
        <h1>{t('title')}</h1>
        <p>{t('intro', { email: request.email ?? '' })}</p>
      </div>
      <dl className="secrets">
        <div>
          <dt>{t('code')}</dt>
          <dd className="secret" data-testid="request-code">
            {request.code}
          </dd>
        </div>
        <div>
          <dt>{t('pin')}</dt>
          <dd className="secret" data-testid="request-pin">
            {pin}
          </dd>
        </div>
      </dl>
      <p className="muted">{t('pinNote')}</p>
      <h2>{t('asked')}</h2>
      <RequestFacts request={request} />
      <p>{t('next')}</p>
      <p>
        {t('withdrawInfo')} <Link href={{ pathname: '/termin/anfrage/zuruecknehmen', query: { nummer: request.code } }}>{t('withdrawLink')}</Link>
      </p>
    </>
  );
}
