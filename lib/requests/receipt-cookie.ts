import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';

// Two cookies, so a resubmitted form (which knows only the number) never overwrites the PIN of the first one.
const LAST_COOKIE = 'amtstermin_request';
const PIN_COOKIE = 'amtstermin_request_pin';
const MAX_AGE_SECONDS = 30 * 60;

const options = () => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: env.NODE_ENV === 'production' && env.APP_URL.startsWith('https:'),
  path: '/',
  maxAge: MAX_AGE_SECONDS,
});

/**
 * Lets the confirmation page show number and PIN after the redirect without putting either in the URL.
 * The page checks the PIN against the stored hash before it shows anything about the request.
 */
export async function rememberRequest({ code, pin }: { code: string; pin?: string }): Promise<void> {
  const store = await cookies();
  store.set(LAST_COOKIE, code, options());
  if (pin) store.set(PIN_COOKIE, `${code}:${pin}`, options());
}

/** The request this browser sent last, with its PIN if this browser created it. */
export async function readRememberedRequest(): Promise<{ code: string; pin: string | null } | null> {
  const store = await cookies();
  const code = store.get(LAST_COOKIE)?.value;
  if (!code) return null;
  const [pinCode, pin] = (store.get(PIN_COOKIE)?.value ?? '').split(':');
  return { code, pin: pinCode === code && pin ? pin : null };
}
