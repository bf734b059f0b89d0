import type { ReactNode } from 'react';
import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from 'react-email';
import { pick } from '@/lib/format';
import type { BookingMailData, MailLocale, MailTranslator } from './mail-text';

export const colors = { text: '#1f2933', muted: '#52606d', accent: '#0b4f8a', border: '#cbd2d9', panel: '#f0f4f8' };

const body = { backgroundColor: '#ffffff', color: colors.text, fontFamily: 'Arial, Helvetica, sans-serif', fontSize: '16px', lineHeight: '24px' };
const container = { maxWidth: '600px', margin: '0 auto', padding: '24px 16px' };
const small = { color: colors.muted, fontSize: '14px', lineHeight: '20px', margin: '4px 0' };

/** The frame every booking mail shares: greeting, content, sign-off with the office's contact details. */
export function MailLayout({
  locale,
  t,
  preview,
  heading,
  name,
  location,
  children,
}: {
  locale: MailLocale;
  t: MailTranslator;
  preview: string;
  heading: string;
  name: string | null;
  location: BookingMailData['location'];
  children: ReactNode;
}) {
  const office = pick(location.name, locale);
  return (
    <Html lang={locale}>
      <Head>
        <title>{heading}</title>
      </Head>
      <Preview useTitleTag={false}>{preview}</Preview>
      <Body lang={locale} style={body}>
        <Container style={container}>
          <Text style={{ ...small, fontWeight: 'bold', color: colors.accent }}>{office}</Text>
          <Heading as="h1" style={{ fontSize: '24px', lineHeight: '32px', margin: '16px 0' }}>
            {heading}
          </Heading>
          {name && <Text>{t('greeting', { name })}</Text>}
          {children}
          <Text>
            {t('signOff')}
            <br />
            {office}
          </Text>
          <Hr style={{ borderColor: colors.border, margin: '24px 0 12px' }} />
          <Section>
            <Text style={small}>{office}, {location.street}, {location.postalCode} {location.city}</Text>
            {(location.phone || location.email) && <Text style={small}>{t('contact')}</Text>}
            {location.phone && <Text style={small}>{t('phone', { phone: location.phone })}</Text>}
            {location.email && <Text style={small}>{t('email', { email: location.email })}</Text>}
            <Text style={small}>{t('automatic')}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
