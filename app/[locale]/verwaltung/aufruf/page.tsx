import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LiveQueue } from '@/components/front-desk/live-queue';
import { WaitingList } from '@/components/front-desk/waiting-list';
import { AdminNav } from '@/components/staff/admin-nav';
import { SignInForm } from '@/components/staff/sign-in-form';
import { StaffBar } from '@/components/staff/staff-bar';
import { currentStaff } from '@/lib/auth/staff-session';
import { pick } from '@/lib/format';
import { waitingRoomForStaff } from '@/lib/front-desk/desk';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { firstParam } from '@/lib/search-params';
import { locationsFor } from '@/lib/staff/day-plan';
import { callNextAction, changeVisitAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES = { called: 'called', empty: 'empty', recall: 'recalled', 'no-show': 'noShown', done: 'finished', 'hand-over': 'handedOver', stale: 'stale', forbidden: 'forbidden', 'not-found': 'notFound', 'unknown-counter': 'unknownCounter' } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'FrontDesk' }))('title'), robots: { index: false } };
}

/** A clerk's counter: call the next person (or a chosen number), recall, hand over, no-show, done; the queue live. */
export default async function CallingPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('FrontDesk');
  const user = await currentStaff();
  if (!user) return <SignInForm locale={locale} />;
  const locations = (await locationsFor(user)).filter((l) => l.mode === 'booking');
  const location = locations.find((l) => l.slug === firstParam(query.standort)) ?? locations[0];
  if (!location) return <StaffBar user={user} locale={locale} />;
  const room = (await waitingRoomForStaff({ actor: user, locationId: location.id }))!;
  const counter = room.counters.find((c) => String(c.id) === firstParam(query.schalter));
  const notice = NOTICES[firstParam(query.hinweis) as keyof typeof NOTICES];
  const number = firstParam(query.nummer).slice(0, 10);
  const atMyCounter = counter ? room.serving.filter((v) => v.counterId === counter.id) : [];
  const common = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="standort" value={location.slug} />
      <input type="hidden" name="locationId" value={location.id} />
      {counter && <input type="hidden" name="counterId" value={counter.id} />}
    </>
  );
  return (
    <div className="staff">
      <StaffBar user={user} locale={locale} />
      <AdminNav user={user} />
      <p className="staff-links no-print">
        <Link href={{ pathname: '/verwaltung', query: { standort: location.slug } }}>{t('dayPlan')}</Link>
        <Link href={{ pathname: '/aufruf/[office]', params: { office: location.slug } }}>{t('openDisplay')}</Link>
      </p>
      <h1>
        {t('title')}
        <span className="staff-office"> · {pick(location.name, locale)}</span>
      </h1>
      <LiveQueue office={location.slug} />
      {notice && (
        <p className={`alert ${['stale', 'forbidden', 'not-found', 'unknown-counter'].includes(firstParam(query.hinweis)) ? 'alert--error' : 'alert--success'}`} role="status">
          {t(`notice.${notice}`, { number })}
        </p>
      )}
      <form method="get" className="staff-tools__form">
        {locations.length > 1 ? (
          <div className="field">
            <label htmlFor="field-standort">{t('office')}</label>
            <select id="field-standort" name="standort" defaultValue={location.slug}>
              {locations.map((l) => (
                <option key={l.id} value={l.slug}>
                  {pick(l.name, locale)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="standort" value={location.slug} />
        )}
        <div className="field">
          <label htmlFor="field-schalter">{t('myCounter')}</label>
          <select id="field-schalter" name="schalter" defaultValue={counter ? String(counter.id) : ''}>
            <option value="">{t('chooseCounter')}</option>
            {room.counters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('useCounter')}
        </button>
      </form>

      {counter ? (
        <section aria-labelledby="at-counter" className="front-desk__counter">
          <h2 id="at-counter">{t('atCounter', { counter: counter.name })}</h2>
          {atMyCounter.length === 0 && <p className="muted">{t('nobodyAtCounter')}</p>}
          {atMyCounter.map((visit) => (
            <div key={visit.id} className="front-desk__current">
              <p className="front-desk__number">
                {visit.label} <span className="muted">{visit.kind === 'walk_in' ? t('walkIn') : visit.name}</span>
              </p>
              <div className="front-desk__buttons">
                {(['recall', 'no-show', 'done'] as const).map((step) => (
                  <form key={step} action={changeVisitAction}>
                    {common}
                    <input type="hidden" name="visitId" value={visit.id} />
                    <input type="hidden" name="step" value={step} />
                    <button type="submit" className={`button ${step === 'done' ? 'button--primary' : 'button--secondary'}`}>
                      {t(`step.${step}`)}
                    </button>
                  </form>
                ))}
                <form action={changeVisitAction} className="front-desk__hand-over">
                  {common}
                  <input type="hidden" name="visitId" value={visit.id} />
                  <input type="hidden" name="step" value="hand-over" />
                  <label htmlFor={`hand-over-${visit.id}`}>{t('handOverTo')}</label>
                  <select id={`hand-over-${visit.id}`} name="toCounterId">
                    {room.counters
                      .filter((c) => c.id !== counter.id)
                      .map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                  </select>
                  <button type="submit" className="button button--secondary">
                    {t('step.hand-over')}
                  </button>
                </form>
              </div>
            </div>
          ))}
          <form action={callNextAction}>
            {common}
            <button type="submit" className="button button--primary front-desk__next">
              {t('callNext')}
            </button>
          </form>
        </section>
      ) : (
        <p className="alert alert--info">{t('pickCounterFirst')}</p>
      )}

      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('waitingTitle', { count: room.waiting.length })}</h2>
        <WaitingList
          rows={room.waiting}
          timeZone={location.timeZone}
          locale={locale}
          action={
            counter
              ? (row) => (
                  <form action={callNextAction}>
                    {common}
                    <input type="hidden" name="visitId" value={row.id} />
                    <button type="submit" className="button button--secondary" aria-label={t('callNumber', { number: row.label })}>
                      {t('call')}
                    </button>
                  </form>
                )
              : undefined
          }
        />
      </section>
      {room.serving.length > 0 && (
        <section aria-labelledby="serving-title">
          <h2 id="serving-title">{t('servingTitle')}</h2>
          <ul>
            {room.serving.map((v) => (
              <li key={v.id}>{t('servingAt', { number: v.label, counter: room.counters.find((c) => c.id === v.counterId)?.name ?? '' })}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
