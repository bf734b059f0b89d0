import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdSlotAction } from '@/app/[locale]/termin/actions';
import { GET as challengeRoute } from '@/app/api/challenge/route';
import { getDb } from '@/db/client';
import { bookings, locations } from '@/db/schema';
import { checkHoldChallenge, createHoldChallenge } from '@/lib/abuse/challenge';
import { hashToken } from '@/lib/booking/secrets';
import { env } from '@/lib/env';
import { testCookies } from '../support/next-headers';
import { book, verified } from '../support/booked';
import { form, redirectOf } from '../support/forms';
import { at, mainOffice, openWednesday } from '../support/office';

vi.mock('next-intl/server', () => import('../support/next-intl-server'));

/** What the widget submits: the challenge and the counter it found, base64 JSON. */
async function solved(challenge: Challenge, tamper: (solution: { counter: number; derivedKey: string }) => void = () => {}) {
  const solution = await solveChallenge({ challenge, deriveKey });
  tamper(solution!);
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

const holdsAt = async (start: Date) => (await getDb().select().from(bookings)).filter((b) => b.during.start.getTime() === start.getTime() && b.status === 'held');

beforeAll(async () => {
  await mainOffice();
});
beforeEach(() => testCookies.clear());

const H = 'hold-token-hash-1';
const fetchChallenge = async (slug = 'buergeramt-mitte') => (await (await challengeRoute(new Request(`http://localhost/api/challenge?standort=${slug}`))).json()) as Challenge;

describe('the proof-of-work before a hold', () => {
  it('accepts a solved challenge once, for its own location and hold token, until it expires', async () => {
    const payload = await solved(await createHoldChallenge({ location: 'buergeramt-mitte', holdTokenHash: H, work: 20_000 }));
    expect(await checkHoldChallenge({ payload, location: 'ortschaft-hochdorf', holdTokenHash: H })).toBe('invalid');
    expect(await checkHoldChallenge({ payload, location: 'buergeramt-mitte', holdTokenHash: 'another-hold' })).toBe('invalid');
    expect(await checkHoldChallenge({ payload, location: 'buergeramt-mitte', holdTokenHash: undefined })).toBe('invalid');
    expect(await checkHoldChallenge({ payload, location: 'buergeramt-mitte', holdTokenHash: H })).toBe('ok');
    expect(await checkHoldChallenge({ payload, location: 'buergeramt-mitte', holdTokenHash: H })).toBe('spent');

    const wrongKey = await solved(await createHoldChallenge({ location: 'buergeramt-mitte', holdTokenHash: H, work: 20_000 }), (s) => (s.derivedKey = s.derivedKey.replace(/^./, (c) => (c === '0' ? '1' : '0'))));
    expect(await checkHoldChallenge({ payload: wrongKey, location: 'buergeramt-mitte', holdTokenHash: H })).toBe('invalid');
    const old = await solved(await createHoldChallenge({ location: 'buergeramt-mitte', holdTokenHash: H, work: 20_000, now: new Date(Date.now() - 11 * 60_000) }));
    expect(await checkHoldChallenge({ payload: old, location: 'buergeramt-mitte', holdTokenHash: H })).toBe('expired');
    expect(await checkHoldChallenge({ payload: undefined, location: 'buergeramt-mitte', holdTokenHash: H })).toBe('missing');
    expect(await checkHoldChallenge({ payload: 'not base64 json', location: 'buergeramt-mitte', holdTokenHash: H })).toBe('invalid');
  });

  it('rejects a challenge whose data was changed after signing', async () => {
    const challenge = await createHoldChallenge({ location: 'ortschaft-hochdorf', holdTokenHash: H, work: 20_000 });
    const forged = { ...challenge, parameters: { ...challenge.parameters, data: { purpose: 'hold', location: 'buergeramt-mitte', hold: H } } };
    expect(await checkHoldChallenge({ payload: await solved(forged), location: 'buergeramt-mitte', holdTokenHash: H })).toBe('invalid');
  });

  it('asks each office for its own effort, and more than the old 100000 by default', async () => {
    expect(env.CHALLENGE_WORK).toBeGreaterThanOrEqual(300_000);
    const counterOf = async (challenge: Challenge) => (await solveChallenge({ challenge, deriveKey }))!.counter;
    // The counter is drawn from the upper half of the effort: every solution costs at least half of it.
    for (let i = 0; i < 5; i++) expect(await counterOf(await createHoldChallenge({ location: 'buergeramt-mitte', holdTokenHash: H, work: 40_000 }))).toBeGreaterThanOrEqual(20_000);
    await getDb().update(locations).set({ requireChallenge: true, challengeWork: 60_000 }).where(eq(locations.slug, 'buergeramt-mitte'));
    try {
      for (let i = 0; i < 5; i++) expect(await counterOf(await fetchChallenge())).toBeGreaterThanOrEqual(30_000);
    } finally {
      await getDb().update(locations).set({ requireChallenge: false, challengeWork: null }).where(eq(locations.slug, 'buergeramt-mitte'));
    }
  });

  it('holds a time only with a fresh solution where the location asks for one, and the hold carries the token the challenge was bound to', async () => {
    await getDb().update(locations).set({ requireChallenge: true }).where(eq(locations.slug, 'buergeramt-mitte'));
    const start = at(openWednesday(0), '09:00');
    const fields = { locale: 'de', location: 'buergeramt-mitte', services: 'beglaubigung:1', start: start.toISOString() };

    expect(await redirectOf(holdSlotAction(form(fields)))).toContain('hinweis=pruefung');
    expect(await holdsAt(start)).toHaveLength(0);

    const response = await challengeRoute(new Request('http://localhost/api/challenge?standort=buergeramt-mitte'));
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pendingToken = new Map(testCookies.entries()).get('amtstermin_hold_next')!;
    expect(pendingToken).toBeDefined();
    const payload = await solved((await response.json()) as Challenge);
    expect(await redirectOf(holdSlotAction(form({ ...fields, altcha: payload })))).toContain('/termin/daten');
    const [hold] = await holdsAt(start);
    expect(hold!.holdTokenHash).toBe(hashToken(pendingToken));
    expect(new Map(testCookies.entries()).get('amtstermin_hold')).toBe(pendingToken);

    // The same solution again, from another browser: refused, the time stays held once.
    testCookies.clear();
    expect(await redirectOf(holdSlotAction(form({ ...fields, altcha: payload })))).toContain('hinweis=pruefung');
    expect(await holdsAt(start)).toHaveLength(1);
  });

  it('does not let a solution fetched by one browser pay for the hold of another', async () => {
    await getDb().update(locations).set({ requireChallenge: true }).where(eq(locations.slug, 'buergeramt-mitte'));
    const start = at(openWednesday(0), '10:00');
    const fields = { locale: 'de', location: 'buergeramt-mitte', services: 'beglaubigung:1', start: start.toISOString() };
    // A solving farm: one session fetches and solves, another (with its own challenge cookie) spends it.
    const farmed = await solved(await fetchChallenge());
    testCookies.clear();
    await fetchChallenge();
    expect(await redirectOf(holdSlotAction(form({ ...fields, altcha: farmed })))).toContain('hinweis=pruefung');
    expect(await holdsAt(start)).toHaveLength(0);
  });

  it('hands out challenges only for locations that ask for them', async () => {
    expect((await challengeRoute(new Request('http://localhost/api/challenge?standort=ortschaft-hochdorf'))).status).toBe(404);
    expect((await challengeRoute(new Request('http://localhost/api/challenge?standort=%00'))).status).toBe(404);
  });
});

describe('the proof-of-work when an appointment is moved', () => {
  it('is asked there too, so one real booking does not let a bot grab released times', async () => {
    const { holdNewTimeAction } = await import('@/app/[locale]/termin/verschieben/actions');
    const { issueChangeGrantCookie } = await import('@/lib/booking/change-grant-cookie');
    await getDb().update(locations).set({ requireChallenge: false }).where(eq(locations.slug, 'buergeramt-mitte'));
    const { code, pin } = await book({ day: openWednesday(1), hhmm: '09:00' });
    await getDb().update(locations).set({ requireChallenge: true }).where(eq(locations.slug, 'buergeramt-mitte'));
    await issueChangeGrantCookie(await verified(code, pin));
    const start = at(openWednesday(1), '11:00');

    expect(await redirectOf(holdNewTimeAction(form({ locale: 'de', start: start.toISOString() })))).toContain('hinweis=pruefung');
    expect(await holdsAt(start)).toHaveLength(0);
    const payload = await solved(await fetchChallenge());
    expect(await redirectOf(holdNewTimeAction(form({ locale: 'de', start: start.toISOString(), altcha: payload })))).toContain('/termin/verschieben/pruefen');
    expect(await holdsAt(start)).toHaveLength(1);
  });
});

describe('the ceilings a bot meets together', () => {
  it('stops one address after a few bookings per office and hour, whatever emails it gives', async () => {
    const { saveContactAction, confirmBookingAction } = await import('@/app/[locale]/termin/actions');
    await getDb().update(locations).set({ requireChallenge: false }).where(eq(locations.slug, 'buergeramt-mitte'));
    const outcomes: (string | undefined)[] = [];
    for (let i = 0; i < env.BOOKINGS_PER_CLIENT_PER_HOUR + 1; i++) {
      testCookies.clear();
      const start = at(openWednesday(2), `${String(8 + i).padStart(2, '0')}:00`);
      expect(await redirectOf(holdSlotAction(form({ locale: 'de', location: 'buergeramt-mitte', services: 'beglaubigung:1', start: start.toISOString() })))).toContain('/termin/daten');
      await redirectOf(saveContactAction({ ok: false, values: {} }, form({ locale: 'de', name: 'Bot Bucher', email: `throwaway-${i}-${Date.now()}@mailinator.example`, phone: '', consent: 'on' })));
      const answer = confirmBookingAction({ ok: false, values: {} }, form({ locale: 'de' }));
      outcomes.push(await redirectOf(answer) ?? (await answer.catch(() => null) as { formError?: string } | null)?.formError);
    }
    expect(outcomes.slice(0, -1).every((o) => o?.includes('/termin/bestaetigung'))).toBe(true);
    expect(outcomes.at(-1)).toContain(`schon ${env.BOOKINGS_PER_CLIENT_PER_HOUR} Termine`);
  });

  it('counts one mailbox under all its spellings toward the future bookings per email', async () => {
    const { book } = await import('../support/booked');
    await book({ day: openWednesday(3), hhmm: '08:00', address: 'erika+eins@example.org' });
    await book({ day: openWednesday(3), hhmm: '09:00', address: 'Erika+zwei@Example.org' });
    await expect(book({ day: openWednesday(3), hhmm: '10:00', address: 'ERIKA@example.org' })).rejects.toThrow(/limit-reached/);
  });
});
