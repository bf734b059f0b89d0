import { generateBookingCode } from '@/lib/booking/secrets';

/** A request number like `A-K7QM-4XPA`: the booking-number alphabet with a prefix, so the two are never confused. */
export const generateRequestCode = () => `A-${generateBookingCode()}`;

/** Upper-cases and re-inserts the dashes, so `a k7qm4xpa`, `K7QM-4XPA` and `A-K7QM-4XPA` are the same number. */
export function normalizeRequestCode(input: string): string {
  const plain = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = plain.length === 9 && plain.startsWith('A') ? plain.slice(1) : plain;
  return body.length === 8 ? `A-${body.slice(0, 4)}-${body.slice(4)}` : plain;
}

export const REQUEST_CODE_PATTERN = /^A-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
