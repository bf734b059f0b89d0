import 'server-only';
import { findRequestByCode, type RequestDetails } from '@/db/queries/requests';
import { verifySecret } from '@/lib/auth/password';
import { readRememberedRequest } from './receipt-cookie';

export type Receipt =
  | { kind: 'created'; request: RequestDetails; pin: string }
  /** The form was sent again: only the number of the first request is shown, its PIN is in the mail. */
  | { kind: 'duplicate'; code: string }
  | { kind: 'none' };

/**
 * What the confirmation page may show this browser. The request's details only with a PIN that matches
 * its stored hash, so a hand-made cookie naming someone else's number reveals nothing but that number.
 */
export async function currentReceipt(): Promise<Receipt> {
  const remembered = await readRememberedRequest();
  if (!remembered) return { kind: 'none' };
  if (remembered.pin) {
    const request = await findRequestByCode({ code: remembered.code });
    if (request && (await verifySecret(request.pinHash, remembered.pin))) return { kind: 'created', request, pin: remembered.pin };
  }
  return { kind: 'duplicate', code: remembered.code };
}
