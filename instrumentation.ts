/** Next.js calls this once per server process; the mail worker runs here unless `npm run worker` does it. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env } = await import('@/lib/env');
    if (!env.IN_PROCESS_WORKER) return;
    // Dev-mode reloads may run this again in the same process; one worker is enough.
    const state = globalThis as unknown as { amtsterminOutboxWorker?: () => Promise<void> };
    if (state.amtsterminOutboxWorker) return;
    const { startOutboxWorker } = await import('@/lib/mail/worker');
    state.amtsterminOutboxWorker = startOutboxWorker();
  }
}
