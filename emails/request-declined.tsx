import { Link, Text } from 'react-email';
import type { RequestMailData } from '@/db/queries/mail-data';
import { colors, MailLayout } from './components/mail-layout';
import { mailTranslator } from './components/mail-text';
import { previewRequest, RequestSummary, requestLinks } from './components/request-details';

export type RequestDeclinedEmailProps = { request: RequestMailData; appUrl: string };

/** 'Ihre Terminanfrage A-K7QM-4XPA: leider kein Termin möglich' */
export function requestDeclinedSubject({ request }: Pick<RequestDeclinedEmailProps, 'request'>): string {
  return mailTranslator(request.locale)('requestDeclined.subject', { code: request.code });
}

export default function RequestDeclinedEmail({ request, appUrl }: RequestDeclinedEmailProps) {
  const { locale } = request;
  const t = mailTranslator(locale);
  return (
    <MailLayout
      locale={locale}
      t={t}
      preview={t('requestDeclined.preview', { code: request.code })}
      heading={t('requestDeclined.heading')}
      name={request.name}
      location={request.location}
    >
      <Text>{t('requestDeclined.intro', { code: request.code })}</Text>
      {request.declineReason && <Text>{t('requestDeclined.reason', { reason: request.declineReason })}</Text>}
      <RequestSummary t={t} locale={locale} request={request} />
      <Text>
        {t('requestDeclined.again')}
        <br />
        <Link href={requestLinks(appUrl, locale, request).requestAgain} style={{ color: colors.accent, fontWeight: 'bold' }}>
          {t('requestDeclined.againLink')}
        </Link>
      </Text>
    </MailLayout>
  );
}

RequestDeclinedEmail.PreviewProps = {
  request: { ...previewRequest, status: 'declined', declineReason: 'An Ihren Wunschtagen ist die Ortschaftsverwaltung wegen einer Fortbildung geschlossen.' },
  appUrl: 'http://localhost:3000',
} satisfies RequestDeclinedEmailProps;
