/** Next.js calls this once per server process: the mail worker, the erasure job, the reminder job and the waitlist worker run here unless `npm run worker` does it. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env } = await import('@/lib/env');
    if (!env.IN_PROCESS_WORKER) return;
    // Dev-mode reloads may run this again in the same process; one of each is enough.
    const state = globalThis as unknown as { amtsterminOutboxWorker?: () => Promise<void>; amtsterminErasureJob?: () => void; amtsterminReminderJob?: () => void; amtsterminWaitlistWorker?: () => Promise<void> };
    if (state.amtsterminOutboxWorker) return;
    const [{ startOutboxWorker }, { startErasureJob }, { startWaitlistWorker }] = await Promise.all([import('@/lib/mail/worker'), import('@/lib/privacy/erasure-job'), import('@/lib/waitlist/worker')]);
    state.amtsterminOutboxWorker = startOutboxWorker();
    state.amtsterminErasureJob = startErasureJob();
    const { startReminderJob } = await import('@/lib/reminders/enqueue');
    state.amtsterminReminderJob = startReminderJob();
    state.amtsterminWaitlistWorker = startWaitlistWorker();
  }
}
