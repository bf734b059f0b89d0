import { Text } from 'react-email';
import type { WishMailData } from '@/db/queries/waitlist';
import { MailLayout } from './components/mail-layout';
import { mailTranslator } from './components/mail-text';
import { MailAction, WishCredentials, WishSummary, wishLinks } from './components/wish-details';

export type WaitlistConfirmEmailProps = { wish: WishMailData & { offices: [WishMailData['offices'][number], ...WishMailData['offices']] }; token: string; pin: string; appUrl: string };

/** 'Bitte bestätigen Sie Ihren Terminwunsch W-K7QM-4XPA' */
export function waitlistConfirmSubject({ wish }: Pick<WaitlistConfirmEmailProps, 'wish'>): string {
  return mailTranslator(wish.locale)('waitlist.confirmSubject', { code: wish.code });
}

export default function WaitlistConfirmEmail({ wish, token, pin, appUrl }: WaitlistConfirmEmailProps) {
  const { locale } = wish;
  const t = mailTranslator(locale);
  const links = wishLinks(appUrl, locale, wish.code, token);
  return (
    <MailLayout locale={locale} t={t} preview={t('waitlist.confirmPreview')} heading={t('waitlist.confirmHeading')} name={wish.name} location={wish.offices[0]}>
      <Text>{t('waitlist.confirmIntro')}</Text>
      <MailAction heading={t('waitlist.confirmTitle')} text={t('waitlist.confirmText')} label={t('waitlist.confirmLink')} url={links.confirm} note={t('waitlist.confirmNote')} />
      <WishSummary t={t} locale={locale} wish={wish} />
      <WishCredentials t={t} code={wish.code} pin={pin} />
      <MailAction heading={t('waitlist.statusTitle')} text={t('waitlist.statusText')} label={t('waitlist.statusLink')} url={links.status} />
    </MailLayout>
  );
}
