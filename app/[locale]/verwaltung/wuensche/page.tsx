import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { SignInForm } from '@/components/staff/sign-in-form';
import { StaffBar } from '@/components/staff/staff-bar';
import { OfferByHandForm } from '@/components/waitlist/offer-by-hand-form';
import { listServiceCatalog } from '@/db/queries/services';
import { currentStaff } from '@/lib/auth/staff-session';
import { pick } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { waitlistOverview } from '@/lib/waitlist/staff';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'WaitlistStaff' }))('title'), robots: { index: false } };
}

/** The demand nobody saw before: open wishes per office, service, week and part of day; the queue with offers by hand. */
export default async function WaitlistStaffPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await currentStaff();
  if (!user) return <SignInForm locale={locale} />;
  const [t, format, overview, catalog] = await Promise.all([getTranslations('WaitlistStaff'), getFormatter(), waitlistOverview(), listServiceCatalog()]);
  const serviceName = (id: number) => {
    const service = catalog.find((s) => s.id === id);
    return service ? pick(service.name, locale) : String(id);
  };
  const date = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  const local = (at: Date, timeZone: string) => format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone });
  return (
    <div className="staff">
      <StaffBar user={user} locale={locale} />
      <p>
        <Link href="/verwaltung">‹ {t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {overview.map(({ location, demand, queue }) => (
        <section key={location.id} aria-labelledby={`office-${location.id}`}>
          <h2 id={`office-${location.id}`}>{pick(location.name, locale)}</h2>
          {demand.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('week')}</th>
                  <th scope="col">{t('service')}</th>
                  <th scope="col">{t('morning')}</th>
                  <th scope="col">{t('afternoon')}</th>
                  <th scope="col">{t('total')}</th>
                </tr>
              </thead>
              <tbody>
                {demand.map((row) => (
                  <tr key={`${row.week}-${row.serviceId}`}>
                    <td>{date(row.week)}</td>
                    <td>{serviceName(row.serviceId)}</td>
                    <td>{row.morning}</td>
                    <td>{row.afternoon}</td>
                    <td>{row.wishes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {queue.length > 0 && (
            <>
              <h3>{t('queueTitle')}</h3>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('position')}</th>
                    <th scope="col">{t('wish')}</th>
                    <th scope="col">{t('since')}</th>
                    <th scope="col">{t('offer')}</th>
                    <th scope="col">{t('offerByHand')}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.map((row, index) => (
                    <tr key={row.id}>
                      <td>{index + 1}</td>
                      <td>
                        {row.code}
                        <br />
                        <span className="muted">
                          {date(row.earliestDate)} – {date(row.latestDate)}
                        </span>
                      </td>
                      <td>{local(row.confirmedAt, location.timeZone)}</td>
                      <td>{row.offerStart && row.offerUntil ? `${local(row.offerStart, location.timeZone)} (${t('offerUntil', { until: local(row.offerUntil, location.timeZone) })})` : t('noOffer')}</td>
                      <td>{!row.offerStart && <OfferByHandForm locale={locale} locationId={location.id} wishId={row.id} code={row.code} defaultStart={`${row.earliestDate}T08:00`} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
