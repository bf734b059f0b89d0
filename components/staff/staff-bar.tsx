import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/[locale]/verwaltung/actions';
import type { StaffUser } from '@/lib/auth/staff-session';

/** Who is signed in, and the way out. */
export async function StaffBar({ user, locale }: { user: StaffUser; locale: string }) {
  const t = await getTranslations('Staff');
  return (
    <div className="staff-bar">
      <p>{t('signedInAs', { name: user.name, role: t(`roles.${user.role}`) })}</p>
      <form action={signOutAction}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="button button--secondary">
          {t('signOut')}
        </button>
      </form>
    </div>
  );
}
