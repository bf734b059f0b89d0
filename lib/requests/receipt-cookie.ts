import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';

// Two cookies, so a resubmitted form (which knows only the number) never overwrites the receipt of the first one.
const LAST_COOKIE = 'amtstermin_request';
const RECEIPT_COOKIE = 'amtstermin_request_receipt';
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
 * The cookie carries the random token the server sealed the PIN with, never the PIN itself.
 */
export async function rememberRequest({ code, receiptToken }: { code: string; receiptToken?: string }): Promise<void> {
  const store = await cookies();
  store.set(LAST_COOKIE, code, options());
  if (receiptToken) store.set(RECEIPT_COOKIE, `${code}:${receiptToken}`, options());
}

/** The request this browser sent last, with the token of its sealed PIN if this browser created it. */
export async function readRememberedRequest(): Promise<{ code: string; receiptToken: string | null } | null> {
  const store = await cookies();
  const code = store.get(LAST_COOKIE)?.value;
  if (!code) return null;
  const [receiptCode, token] = (store.get(RECEIPT_COOKIE)?.value ?? '').split(':');
  return { code, receiptToken: receiptCode === code && token ? token : null };
}
