import 'server-only';
import { render } from 'react-email';
import type { ReactElement } from 'react';
import type { DbOrTx } from '@/db/client';
import { loadRequestForMail, type RequestMailData } from '@/db/queries/mail-data';
import RequestDeclinedEmail, { requestDeclinedSubject } from '@/emails/request-declined';
import RequestReceivedEmail, { requestReceivedSubject } from '@/emails/request-received';
import { env } from '@/lib/env';
import { pick } from '@/lib/format';
import type { ComposedMail } from './compose';
import type { OutboxMail } from './outbox';

export type RequestMail = Extract<OutboxMail, { kind: 'request-received' | 'request-declined' }>;

/**
 * Reads the appointment request a queued mail is about and renders it; null if the request is gone.
 * Request mails carry no calendar event: there is no appointment yet (or none will come).
 */
export async function composeRequestMail(mail: RequestMail, { tx }: { tx?: DbOrTx } = {}): Promise<ComposedMail | null> {
  const found = await loadRequestForMail({ requestId: mail.requestId, tx });
  if (!found) return null;
  if (!found.email) return { skip: 'personal data erased' };
  const request = { ...found, email: found.email };
  switch (mail.kind) {
    case 'request-received':
      return {
        send: await outgoing(request, mail.kind, {
          subject: requestReceivedSubject({ request }),
          element: <RequestReceivedEmail request={request} pin={mail.pin} appUrl={env.APP_URL} />,
        }),
      };
    case 'request-declined':
      return {
        send: await outgoing(request, mail.kind, {
          subject: requestDeclinedSubject({ request }),
          element: <RequestDeclinedEmail request={request} appUrl={env.APP_URL} />,
        }),
      };
  }
}

async function outgoing(request: RequestMailData & { email: string }, kind: RequestMail['kind'], { subject, element }: { subject: string; element: ReactElement }) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return {
    fromName: pick(request.location.name, request.locale),
    to: { name: request.name ?? '', address: request.email },
    replyTo: request.location.email ?? undefined,
    subject,
    html,
    text,
    tag: `${kind}-${request.code}`,
  };
}
