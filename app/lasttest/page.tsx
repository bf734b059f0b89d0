import { connection } from 'next/server';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';

/**
 * The framework floor of `npm run loadtest`: a dynamic page behind the same proxy (nonce, CSP) that does no
 * work of its own. Answers only where LOAD_TEST_FLOOR=true (the load test's instances); 404 anywhere else.
 */
export default async function FloorPage() {
  await connection();
  if (!env.LOAD_TEST_FLOOR) notFound();
  return <p>{new Date().toISOString()}</p>;
}
