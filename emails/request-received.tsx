import { Text } from 'react-email';
import type { RequestMailData } from '@/db/queries/mail-data';
import { pick } from '@/lib/format';
import { MailLayout } from './components/mail-layout';
import { mailTranslator } from './components/mail-text';
import { previewRequest, RequestCredentials, RequestSummary, requestLinks, WithdrawHint } from './components/request-details';

export type RequestReceivedEmailProps = { request: RequestMailData; pin: string; appUrl: string };

/** 'Ihre Terminanfrage A-K7QM-4XPA ist eingegangen – Ortschaftsverwaltung Hochdorf' */
export function requestReceivedSubject({ request }: Pick<RequestReceivedEmailProps, 'request'>): string {
  const t = mailTranslator(request.locale);
  return t('requestReceived.subject', { code: request.code, office: pick(request.location.name, request.locale) });
}

export default function RequestReceivedEmail({ request, pin, appUrl }: RequestReceivedEmailProps) {
  const { locale } = request;
  const t = mailTranslator(locale);
  return (
    <MailLayout
      locale={locale}
      t={t}
      preview={t('requestReceived.preview')}
      heading={t('requestReceived.heading')}
      name={request.name}
      location={request.location}
    >
      <Text>{t('requestReceived.intro')}</Text>
      <RequestSummary t={t} locale={locale} request={request} />
      <RequestCredentials t={t} code={request.code} pin={pin} />
      <Text>{t('requestReceived.next')}</Text>
      <WithdrawHint t={t} url={requestLinks(appUrl, locale, request).withdraw} />
    </MailLayout>
  );
}

RequestReceivedEmail.PreviewProps = { request: previewRequest, pin: '482913', appUrl: 'http://localhost:3000' } satisfies RequestReceivedEmailProps;
