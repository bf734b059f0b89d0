import { getTranslations } from 'next-intl/server';
import { PageLink } from '@/components/ui/page-link';

/** "Termin anfragen" on the card of a branch office that takes appointment requests. */
export async function RequestLink({ location }: { location: { slug: string; mode: 'booking' | 'request' } }) {
  if (location.mode !== 'request') return null;
  const t = await getTranslations('Request');
  return (
    <p>
      <PageLink href={{ pathname: '/termin/anfrage', query: { standort: location.slug } }} className="button button--secondary">
        {t('cardLink')}
      </PageLink>
    </p>
  );
}
