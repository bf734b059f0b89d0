// Stand-in for next-intl/server in integration tests: its real getTranslations needs the React Server
// Components runtime, which vitest does not provide. Same catalogues, same ICU formatting.
import { createFormatter, createTranslator } from 'next-intl';
import de from '@/messages/de.json';
import en from '@/messages/en.json';

type Locale = 'de' | 'en';
type Options = { locale: Locale; namespace?: string };

export async function getTranslations({ locale, namespace }: Options) {
  return createTranslator({ locale, messages: locale === 'en' ? en : de, namespace: namespace as never, timeZone: 'Europe/Berlin' });
}

export async function getFormatter({ locale }: { locale: Locale }) {
  return createFormatter({ locale, timeZone: 'Europe/Berlin' });
}
