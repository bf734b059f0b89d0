import { findBookingByTokenHash } from '@/db/queries/bookings';
import { loadBookingForMail } from '@/db/queries/mail-data';
import { readHoldToken } from '@/lib/booking/hold-cookie';
import { calendarFor } from '@/lib/mail/compose';

export const dynamic = 'force-dynamic';

/** The calendar file of the booking this browser just made (the hold cookie proves it); 404 for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const hold = await readHoldToken();
  const booking = hold ? await findBookingByTokenHash({ tokenHash: hold.tokenHash }) : null;
  if (!booking || booking.code !== code || booking.status !== 'booked') return new Response('Not found', { status: 404 });
  const data = await loadBookingForMail({ bookingId: booking.id });
  if (!data?.email) return new Response('Not found', { status: 404 });
  return new Response(calendarFor({ ...data, email: data.email }, 'REQUEST'), {
    headers: {
      'content-type': 'text/calendar; charset=utf-8; method=REQUEST',
      'content-disposition': `attachment; filename="termin-${booking.code}.ics"`,
      'cache-control': 'private, no-store',
    },
  });
}
