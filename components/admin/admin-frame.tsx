import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SignInForm } from '@/components/staff/sign-in-form';
import { AdminNav, type AdminNavPath } from '@/components/staff/admin-nav';
import { StaffBar } from '@/components/staff/staff-bar';
import type { AdminAccess } from '@/lib/admin/access';
import type { StaffUser } from '@/lib/auth/staff-session';
import { Link } from '@/lib/i18n/navigation';

/** What a settings page shows instead of its content: the sign-in form, or a plain refusal for a clerk. */
export async function AdminRefusal({ access, locale }: { access: Extract<AdminAccess, { ok: false }>; locale: string }) {
  if (!access.user) return <SignInForm locale={locale} />;
  const t = await getTranslations('Admin.forbidden');
  return (
    <div className="staff">
      <StaffBar user={access.user} locale={locale} />
      <section aria-labelledby="page-title">
        <h1 id="page-title">{t('title')}</h1>
        <p className="alert alert--error" role="alert">
          {t('text')}
        </p>
        <p>
          <Link href="/verwaltung" className="button button--secondary">
            {t('back')}
          </Link>
        </p>
      </section>
    </div>
  );
}

/** The frame of every settings page: who is signed in, the settings navigation, the title. */
export function AdminFrame({ user, locale, current, title, children }: { user: StaffUser; locale: string; current: AdminNavPath; title: string; children: ReactNode }) {
  return (
    <div className="staff">
      <StaffBar user={user} locale={locale} />
      <AdminNav user={user} current={current} />
      <h1>{title}</h1>
      {children}
    </div>
  );
}
