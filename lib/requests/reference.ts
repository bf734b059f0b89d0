import { generateBookingCode } from '@/lib/booking/secrets';

/** A number with a one-letter prefix and the booking-number alphabet (`A-K7QM-4XPA`), so kinds are never confused. */
const prefixedCode = (prefix: string) => `${prefix}-${generateBookingCode()}`;

/** Upper-cases and re-inserts the dashes, so `a k7qm4xpa`, `K7QM-4XPA` and `A-K7QM-4XPA` are the same number. */
function normalizePrefixedCode(input: string, prefix: string): string {
  const plain = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = plain.length === 9 && plain.startsWith(prefix) ? plain.slice(1) : plain;
  return body.length === 8 ? `${prefix}-${body.slice(0, 4)}-${body.slice(4)}` : plain;
}

/** A request number like `A-K7QM-4XPA`. */
export const generateRequestCode = () => prefixedCode('A');
export const normalizeRequestCode = (input: string) => normalizePrefixedCode(input, 'A');
export const REQUEST_CODE_PATTERN = /^A-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

/** A waitlist wish number like `W-K7QM-4XPA`. */
export const generateWishCode = () => prefixedCode('W');
export const normalizeWishCode = (input: string) => normalizePrefixedCode(input, 'W');
export const WISH_CODE_PATTERN = /^W-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
