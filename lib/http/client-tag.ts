import 'server-only';
import { pseudonym } from '@/db/queries/rate-limits';

/**
 * A short pseudonym of a client address for log lines: repeated attempts from one client stay
 * recognisable in the logs, its address is not written there.
 */
export async function clientTag(address: string): Promise<string> {
  return `c-${(await pseudonym(`log:${address}`)).slice(0, 10)}`;
}
