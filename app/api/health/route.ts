import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

/** 200 while the database answers, 503 otherwise; for load balancers and uptime checks. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: 'ok', database: 'up' });
  } catch {
    return Response.json({ status: 'error', database: 'down' }, { status: 503 });
  }
}
