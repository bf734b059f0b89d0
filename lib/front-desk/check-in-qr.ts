import 'server-only';
import QRCode from 'qrcode';

// The code carries the booking's check-in token only: the kiosk checks it in, nothing else (not the PIN: it cannot cancel).
const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

/** The check-in QR code as an SVG data URL, for the confirmation page (CSP allows data: images). */
export async function checkInQrDataUrl(token: string): Promise<string> {
  const svg = await QRCode.toString(token, { ...OPTIONS, type: 'svg' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The check-in QR code as a PNG, attached inline to the confirmation mail (mail programs show no SVG). */
export async function checkInQrPng(token: string): Promise<Buffer> {
  return QRCode.toBuffer(token, { ...OPTIONS, type: 'png', width: 240 });
}
