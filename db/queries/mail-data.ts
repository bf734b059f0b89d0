import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { appointmentRequests, bookingServices, bookings, documents, locations, requestServices, serviceDocuments, services, type Localized, type PreferredWindow } from '@/db/schema';

export type MailLocale = 'de' | 'en';

export type BookingMailData = {
  id: number;
  code: string;
  /** What the QR code for the kiosk carries. */
  checkInToken: string;
  locale: MailLocale;
  status: (typeof bookings.$inferSelect)['status'];
  /** Null once the personal data has been erased; such a booking gets no mail. */
  name: string | null;
  email: string | null;
  start: Date;
  end: Date;
  location: {
    name: Localized;
    street: string;
    postalCode: string;
    city: string;
    phone: string | null;
    email: string | null;
    timeZone: string;
  };
  items: { name: Localized; fee: Localized | null; count: number; minutesPerUnit: number }[];
  /** What to bring for all services together, each document once, in service order. */
  documents: { name: Localized; hint: Localized | null; formUrl: string | null }[];
  /**
   * The appointment across reschedules: the booking code that started the chain (stable calendar UID)
   * and how many times it has been moved since (0 for an original booking).
   */
  chain: { originalCode: string; reschedules: number };
  /** The number of the appointment request this booking answers, if it came from one. */
  requestCode: string | null;
};

/** Everything a mail about one booking shows; null if there is no such booking. */
export async function loadBookingForMail({ bookingId, tx = getDb() }: { bookingId: number; tx?: DbOrTx }): Promise<BookingMailData | null> {
  const [row] = await tx
    .select({ booking: bookings, location: locations })
    .from(bookings)
    .innerJoin(locations, eq(locations.id, bookings.locationId))
    .where(eq(bookings.id, bookingId));
  if (!row) return null;
  const { booking, location } = row;

  const items = await tx
    .select({ serviceId: services.id, name: services.name, fee: services.fee, count: bookingServices.count, minutesPerUnit: bookingServices.minutesPerUnit })
    .from(bookingServices)
    .innerJoin(services, eq(services.id, bookingServices.serviceId))
    .where(eq(bookingServices.bookingId, booking.id))
    .orderBy(asc(services.position), asc(services.id));

  const serviceIds = items.map((item) => item.serviceId);
  const documentRows = serviceIds.length
    ? await tx
        .select({ serviceId: serviceDocuments.serviceId, id: documents.id, name: documents.name, hint: documents.hint, formUrl: documents.formUrl })
        .from(serviceDocuments)
        .innerJoin(documents, eq(documents.id, serviceDocuments.documentId))
        .where(inArray(serviceDocuments.serviceId, serviceIds))
        .orderBy(asc(serviceDocuments.position), asc(documents.id))
    : [];
  const toBring = new Map<number, BookingMailData['documents'][number]>();
  for (const item of items) {
    for (const doc of documentRows) {
      if (doc.serviceId === item.serviceId && !toBring.has(doc.id)) toBring.set(doc.id, { name: doc.name, hint: doc.hint, formUrl: doc.formUrl });
    }
  }

  return {
    id: booking.id,
    code: booking.code,
    checkInToken: booking.checkInToken,
    locale: booking.locale === 'en' ? 'en' : 'de',
    status: booking.status,
    name: booking.name,
    email: booking.email,
    start: booking.during.start,
    end: booking.during.end,
    location: {
      name: location.name,
      street: location.street,
      postalCode: location.postalCode,
      city: location.city,
      phone: location.phone,
      email: location.email,
      timeZone: location.timeZone,
    },
    items: items.map(({ name, fee, count, minutesPerUnit }) => ({ name, fee, count, minutesPerUnit })),
    documents: [...toBring.values()],
    chain: await loadChain(tx, booking.id),
    requestCode: (await tx.select({ code: appointmentRequests.code }).from(appointmentRequests).where(eq(appointmentRequests.bookingId, booking.id)))[0]?.code ?? null,
  };
}

/** Walks `rescheduled_from_id` back to the booking that started the appointment. */
async function loadChain(tx: DbOrTx, bookingId: number): Promise<BookingMailData['chain']> {
  const result = await tx.execute<{ code: string; depth: number }>(sql`
    with recursive chain(id, code, previous_id, depth) as (
      select id, code, rescheduled_from_id, 0 from bookings where id = ${bookingId}
      union all
      select b.id, b.code, b.rescheduled_from_id, chain.depth + 1
      from bookings b join chain on b.id = chain.previous_id
      where chain.depth < 100
    )
    select code, depth from chain order by depth desc limit 1`);
  const first = result.rows[0]!;
  return { originalCode: first.code, reschedules: Number(first.depth) };
}

export type RequestMailData = {
  id: number;
  code: string;
  locale: MailLocale;
  status: (typeof appointmentRequests.$inferSelect)['status'];
  /** Null once the personal data has been erased; such a request gets no mail. */
  name: string | null;
  email: string | null;
  preferences: PreferredWindow[];
  note: string | null;
  declineReason: string | null;
  location: BookingMailData['location'] & { slug: string };
  items: { name: Localized; count: number }[];
};

/** Everything a mail about one appointment request shows; null if there is no such request. */
export async function loadRequestForMail({ requestId, tx = getDb() }: { requestId: number; tx?: DbOrTx }): Promise<RequestMailData | null> {
  const [row] = await tx
    .select({ request: appointmentRequests, location: locations })
    .from(appointmentRequests)
    .innerJoin(locations, eq(locations.id, appointmentRequests.locationId))
    .where(eq(appointmentRequests.id, requestId));
  if (!row) return null;
  const { request, location } = row;
  const items = await tx
    .select({ name: services.name, count: requestServices.count })
    .from(requestServices)
    .innerJoin(services, eq(services.id, requestServices.serviceId))
    .where(eq(requestServices.requestId, request.id))
    .orderBy(asc(services.position), asc(services.id));
  return {
    id: request.id,
    code: request.code,
    locale: request.locale === 'en' ? 'en' : 'de',
    status: request.status,
    name: request.name,
    email: request.email,
    preferences: request.preferences,
    note: request.note,
    declineReason: request.declineReason,
    location: {
      slug: location.slug,
      name: location.name,
      street: location.street,
      postalCode: location.postalCode,
      city: location.city,
      phone: location.phone,
      email: location.email,
      timeZone: location.timeZone,
    },
    items,
  };
}
