import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: a booking number is read aloud on the phone and typed from paper.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A booking number like `K7QM-4XPA` (31^8 ≈ 8.5·10^11 combinations). */
export function generateBookingCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** Upper-cases and re-inserts the dash, so `k7qm4xpa` and `K7QM-4XPA` are the same number. */
export function normalizeBookingCode(input: string): string {
  const plain = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}

/** A six-digit PIN; brute force is stopped by rate limits, not by length. */
export const generatePin = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A random token for the citizen's browser; only its hash is stored. */
export const generateToken = () => randomBytes(32).toString('base64url');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const sealKey = (token: string) => createHash('sha256').update(`amtstermin:pin-seal:${token}`).digest();

/** Encrypts the PIN so that only the holder of the hold token (the booking browser) can read it again. */
export function sealPin(pin: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(token), iv);
  const data = Buffer.concat([cipher.update(pin, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

export function unsealPin(sealed: string, token: string): string | null {
  try {
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', sealKey(token), iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
