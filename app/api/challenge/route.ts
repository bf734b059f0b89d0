import { locationRequiresChallenge } from '@/db/queries/challenges';
import { createHoldChallenge } from '@/lib/abuse/challenge';
import { isSlug } from '@/lib/validation/text';

export const dynamic = 'force-dynamic';

/** A fresh proof-of-work challenge for holding a time at `?standort=`; the widget fetches it when the time page opens. */
export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get('standort') ?? '';
  if (!isSlug(slug) || !(await locationRequiresChallenge({ slug }))) return Response.json({ error: 'no challenge for this location' }, { status: 404 });
  return Response.json(await createHoldChallenge({ location: slug }), { headers: { 'Cache-Control': 'no-store' } });
}
