import { challengeSettingsFor } from '@/db/queries/challenges';
import { createHoldChallenge } from '@/lib/abuse/challenge';
import { issuePendingHoldToken } from '@/lib/booking/hold-cookie';
import { isSlug } from '@/lib/validation/text';

export const dynamic = 'force-dynamic';

/**
 * A fresh proof-of-work challenge for holding a time at `?standort=`; the widget fetches it when the time
 * page opens. It comes with the token of the browser's next hold (a cookie) and is bound to it.
 */
export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get('standort') ?? '';
  const settings = isSlug(slug) ? await challengeSettingsFor({ slug }) : null;
  if (!settings) return Response.json({ error: 'no challenge for this location' }, { status: 404 });
  const { tokenHash } = await issuePendingHoldToken();
  return Response.json(await createHoldChallenge({ location: slug, holdTokenHash: tokenHash, work: settings.work }), { headers: { 'Cache-Control': 'no-store' } });
}
