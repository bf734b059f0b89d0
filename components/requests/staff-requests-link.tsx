import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** The way from the day plan to the open appointment requests (of this office if it takes requests). */
export async function StaffRequestsLink({ location }: { location: { slug: string; mode: 'booking' | 'request' } }) {
  const t = await getTranslations('RequestStaff');
  return <Link href={{ pathname: '/verwaltung/anfragen', query: location.mode === 'request' ? { standort: location.slug } : {} }}>{t('link')}</Link>;
}
