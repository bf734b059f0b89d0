import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { WishForm } from '@/components/waitlist/wish-form';
import { serviceInLanguage } from '@/lib/booking/choice';
import { pick } from '@/lib/format';
import { getPathname, Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { wishBounds, wishOffices } from '@/lib/waitlist/offices';
import { wishWeekdays } from '@/lib/waitlist/weekdays';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'Waitlist' }))('title') };
}

/** Register a wish for the waitlist (Terminwunsch): what, where, when; confirmed by a mail link. */
export default async function WishPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Waitlist');
  const offices = await wishOffices();
  const { first, last } = wishBounds(offices);
  const services = [...new Map(offices.flatMap((o) => o.services).map((s) => [s.id, s])).values()];
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <WishForm
        locale={locale}
        offices={offices.map((o) => ({ slug: o.slug, name: pick(o.name, locale), address: `${o.street}, ${o.postalCode} ${o.city}` }))}
        services={services.map((s) => serviceInLanguage(s, locale))}
        weekdays={await wishWeekdays(offices, locale)}
        first={first}
        last={last}
        privacyHref={getPathname({ href: '/datenschutz', locale })}
      />
      <p>
        {t('statusInfo')} <Link href="/termin/wunsch/status">{t('statusLinkText')}</Link>
      </p>
    </>
  );
}
