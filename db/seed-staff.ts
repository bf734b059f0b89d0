import { and, eq, inArray } from 'drizzle-orm';
import { hashSecret, verifySecret } from '@/lib/auth/password';
import type { Database } from './client';
import { locations, staffUsers } from './schema';

/** Demo accounts for trying the staff area; named in the README and printed by `npm start`. */
export const DEMO_STAFF = [
  { email: 'admin@musterstadt.example', password: 'Admin-Demo-2026', name: 'Petra Amtsleitung', role: 'admin' },
  { email: 'clerk@musterstadt.example', password: 'Clerk-Demo-2026', name: 'Jonas Sachbearbeitung', role: 'clerk' },
] as const;

/** Adds the demo accounts unless any staff account exists; the clerk works at the main office. */
export async function seedDemoStaff(db: Database): Promise<void> {
  const existing = await db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
  if (existing.length > 0) return;
  const [mainOffice] = await db.select({ id: locations.id }).from(locations).where(eq(locations.mode, 'booking')).limit(1);
  const rows = await Promise.all(
    DEMO_STAFF.map(async (user) => ({
      email: user.email,
      name: user.name,
      role: user.role,
      passwordHash: await hashSecret(user.password),
      locationId: user.role === 'clerk' ? (mainOffice?.id ?? null) : null,
    })),
  );
  await db.insert(staffUsers).values(rows).onConflictDoNothing();
}

/** The active demo accounts whose published password still signs in (their emails): nothing to leave on a public server. */
export async function demoStaffStillOpen(db: Database): Promise<string[]> {
  const rows = await db
    .select({ email: staffUsers.email, passwordHash: staffUsers.passwordHash })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), inArray(staffUsers.email, DEMO_STAFF.map((u) => u.email))));
  const open = await Promise.all(rows.map(async (row) => (await verifySecret(row.passwordHash, DEMO_STAFF.find((u) => u.email === row.email)!.password)) ? row.email : null));
  return open.filter((email): email is string => email !== null);
}

/** Whether any staff account exists (a new installation without the demo needs its first admin). */
export async function hasStaff(db: Database): Promise<boolean> {
  return (await db.select({ id: staffUsers.id }).from(staffUsers).limit(1)).length > 0;
}
