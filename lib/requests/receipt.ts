import 'server-only';
import { findRequestByCode, type RequestDetails } from '@/db/queries/requests';
import { unsealPin } from '@/lib/booking/secrets';
import { readRememberedRequest } from './receipt-cookie';

export type Receipt =
  | { kind: 'created'; request: RequestDetails; pin: string }
  /** The form was sent again: only the number of the first request is shown, its PIN is in the mail. */
  | { kind: 'duplicate'; code: string }
  | { kind: 'none' };

/**
 * What the confirmation page may show this browser. The request's details and PIN only to the browser
 * holding the random token the server sealed the PIN with (like a booking's hold token): nothing here
 * checks a PIN, so a hand-made cookie can guess nothing, and it reveals only the number it names.
 */
export async function currentReceipt(): Promise<Receipt> {
  const remembered = await readRememberedRequest();
  if (!remembered) return { kind: 'none' };
  if (remembered.receiptToken) {
    const request = await findRequestByCode({ code: remembered.code });
    const pin = request?.pinSealed ? unsealPin(request.pinSealed, remembered.receiptToken) : null;
    if (request && pin) return { kind: 'created', request, pin };
  }
  return { kind: 'duplicate', code: remembered.code };
}
