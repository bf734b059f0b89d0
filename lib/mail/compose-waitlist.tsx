import 'server-only';
import { render } from 'react-email';
import type { ReactElement } from 'react';
import type { DbOrTx } from '@/db/client';
import { loadBookingForMail } from '@/db/queries/mail-data';
import { loadWishForMail, offerFacts } from '@/db/queries/waitlist';
import WaitlistConfirmEmail, { waitlistConfirmSubject } from '@/emails/waitlist-confirm';
import WaitlistOfferEmail, { waitlistOfferSubject } from '@/emails/waitlist-offer';
import { env } from '@/lib/env';
import { pick } from '@/lib/format';
import type { ComposedMail } from './compose';
import type { OutboxMail } from './outbox';

export type WaitlistMail = Extract<OutboxMail, { kind: 'waitlist-confirm' | 'waitlist-offer' }>;

/** Renders a waitlist mail; null when what it reports is gone. An offer no longer standing is not sent. */
export async function composeWaitlistMail(mail: WaitlistMail, { tx }: { tx?: DbOrTx } = {}): Promise<ComposedMail | null> {
  if (mail.kind === 'waitlist-confirm') {
    const wish = await loadWishForMail({ wishId: mail.wishId, tx });
    const [office, ...others] = wish?.offices ?? [];
    if (!wish || !office) return null;
    if (!wish.email) return { skip: 'personal data erased' };
    if (wish.status !== 'unconfirmed') return { skip: `wish is ${wish.status}` };
    const addressed = { ...wish, offices: [office, ...others] as [typeof office, ...(typeof office)[]] };
    return {
      send: await outgoing({ office, locale: wish.locale, name: wish.name, email: wish.email }, `${mail.kind}-${wish.code}`, {
        subject: waitlistConfirmSubject({ wish: addressed }),
        element: <WaitlistConfirmEmail wish={addressed} token={mail.token} pin={mail.pin} appUrl={env.APP_URL} />,
      }),
    };
  }
  const [booking, facts] = await Promise.all([loadBookingForMail({ bookingId: mail.bookingId, tx }), offerFacts({ bookingId: mail.bookingId, tx })]);
  if (!booking || !facts) return null;
  if (!booking.email) return { skip: 'personal data erased' };
  if (facts.status !== 'held' || facts.holdExpiresAt <= new Date()) return { skip: `offer is no longer standing (${facts.status})` };
  return {
    send: await outgoing({ office: booking.location, locale: booking.locale, name: booking.name, email: booking.email }, `${mail.kind}-${booking.code}`, {
      subject: waitlistOfferSubject({ booking, wishCode: facts.wishCode }),
      element: <WaitlistOfferEmail booking={booking} wishCode={facts.wishCode} holdExpiresAt={facts.holdExpiresAt} appUrl={env.APP_URL} />,
    }),
  };
}

async function outgoing(
  to: { office: { name: { de: string; en: string }; email: string | null }; locale: 'de' | 'en'; name: string | null; email: string },
  tag: string,
  { subject, element }: { subject: string; element: ReactElement },
) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return {
    fromName: pick(to.office.name, to.locale),
    to: { name: to.name ?? '', address: to.email },
    replyTo: to.office.email ?? undefined,
    subject,
    html,
    text,
    tag,
  };
}
