import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

type Office = { slug: string; mode: 'booking' | 'request' };

/**
 * The way from the day plan to the open appointment requests: of the office shown if it takes requests, else
 * of the first one that does. Nothing for staff who see no office that takes requests.
 */
export async function StaffRequestsLink({ location, locations }: { location: Office; locations: readonly Office[] }) {
  const target = location.mode === 'request' ? location : locations.find((l) => l.mode === 'request');
  if (!target) return null;
  const t = await getTranslations('RequestStaff');
  return <Link href={{ pathname: '/verwaltung/anfragen', query: { standort: target.slug } }}>{t('link')}</Link>;
}
