import 'server-only';
import { createHmac } from 'node:crypto';
import { rotatingSecret } from '@/db/queries/app-secrets';

/**
 * A short pseudonym of a client address for log lines and the audit log: repeated attempts from one
 * client are recognisable within a day; the address itself is never written, and the day's key is swept.
 */
export async function clientTag(address: string): Promise<string> {
  const secret = await rotatingSecret({ purpose: 'log-tags', periodSeconds: 86_400 });
  return `c-${createHmac('sha256', secret).update(address).digest('base64url').slice(0, 10)}`;
}
