import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdSlotAction } from '@/app/[locale]/termin/actions';
import { GET as challengeRoute } from '@/app/api/challenge/route';
import { getDb } from '@/db/client';
import { bookings, locations } from '@/db/schema';
import { checkHoldChallenge, createHoldChallenge } from '@/lib/abuse/challenge';
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

describe('the proof-of-work before a hold', () => {
  it('accepts a solved challenge once, for its own location, until it expires', async () => {
    const payload = await solved(await createHoldChallenge({ location: 'buergeramt-mitte' }));
    expect(await checkHoldChallenge({ payload, location: 'ortschaft-hochdorf' })).toBe('invalid');
    expect(await checkHoldChallenge({ payload, location: 'buergeramt-mitte' })).toBe('ok');
    expect(await checkHoldChallenge({ payload, location: 'buergeramt-mitte' })).toBe('spent');

    const wrongKey = await solved(await createHoldChallenge({ location: 'buergeramt-mitte' }), (s) => (s.derivedKey = s.derivedKey.replace(/^./, (c) => (c === '0' ? '1' : '0'))));
    expect(await checkHoldChallenge({ payload: wrongKey, location: 'buergeramt-mitte' })).toBe('invalid');
    const old = await solved(await createHoldChallenge({ location: 'buergeramt-mitte', now: new Date(Date.now() - 11 * 60_000) }));
    expect(await checkHoldChallenge({ payload: old, location: 'buergeramt-mitte' })).toBe('expired');
    expect(await checkHoldChallenge({ payload: undefined, location: 'buergeramt-mitte' })).toBe('missing');
    expect(await checkHoldChallenge({ payload: 'not base64 json', location: 'buergeramt-mitte' })).toBe('invalid');
  });

  it('rejects a challenge whose data was changed after signing', async () => {
    const challenge = await createHoldChallenge({ location: 'ortschaft-hochdorf' });
    const forged = { ...challenge, parameters: { ...challenge.parameters, data: { purpose: 'hold', location: 'buergeramt-mitte' } } };
    expect(await checkHoldChallenge({ payload: await solved(forged), location: 'buergeramt-mitte' })).toBe('invalid');
  });

  it('holds a time only with a fresh solution where the location asks for one', async () => {
    await getDb().update(locations).set({ requireChallenge: true }).where(eq(locations.slug, 'buergeramt-mitte'));
    const start = at(openWednesday(0), '09:00');
    const fields = { locale: 'de', location: 'buergeramt-mitte', services: 'beglaubigung:1', start: start.toISOString() };

    expect(await redirectOf(holdSlotAction(form(fields)))).toContain('hinweis=pruefung');
    expect(await holdsAt(start)).toHaveLength(0);

    const response = await challengeRoute(new Request('http://localhost/api/challenge?standort=buergeramt-mitte'));
    expect(response.headers.get('cache-control')).toBe('no-store');
    const payload = await solved((await response.json()) as Challenge);
    expect(await redirectOf(holdSlotAction(form({ ...fields, altcha: payload })))).toContain('/termin/daten');
    expect(await holdsAt(start)).toHaveLength(1);

    // The same solution again, from another browser: refused, the time stays held once.
    testCookies.clear();
    expect(await redirectOf(holdSlotAction(form({ ...fields, altcha: payload })))).toContain('hinweis=pruefung');
    expect(await holdsAt(start)).toHaveLength(1);
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
    const payload = await solved(await createHoldChallenge({ location: 'buergeramt-mitte' }));
    expect(await redirectOf(holdNewTimeAction(form({ locale: 'de', start: start.toISOString(), altcha: payload })))).toContain('/termin/verschieben/pruefen');
    expect(await holdsAt(start)).toHaveLength(1);
  });
});
