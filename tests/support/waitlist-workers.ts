import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { runWaitlistRound } from '@/lib/waitlist/worker';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Another instance (own process, own pool) running `workers` waitlist workers until its queue stays empty;
 * `ready` once it runs. `now`: the clock its rounds see (the database keeps its own).
 */
export function otherInstance(workers: number, { now }: { now?: Date } = {}): { ready: Promise<void>; done: Promise<{ swept: number }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/allow-server-only.mjs', 'tests/support/waitlist-instance.ts', JSON.stringify({ workers, seconds: 60, now: now?.toISOString() })], {
    cwd: root,
    env: { ...process.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: string[] = [];
  let signalReady = () => {};
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    if (line.includes('"ready"')) signalReady();
  });
  const done = (async () => {
    await once(child, 'exit');
    signalReady();
    const report = lines.map((l) => JSON.parse(l) as { event: string; swept?: number; error?: string }).find((r) => r.event === 'done' || r.event === 'failed');
    if (report?.event !== 'done') throw new Error(`the other instance failed: ${report?.error ?? stderr}`);
    return { swept: report.swept ?? 0 };
  })();
  return { ready, done };
}

/** `workers` waitlist workers in this process, running until the queue stays empty for a moment; `now` as above. */
export async function localWorkers(workers: number, { now }: { now?: Date } = {}) {
  const worker = async () => {
    for (let idle = 0; idle < 40; ) {
      const { swept } = await runWaitlistRound({ limit: 1, now });
      idle = swept === 0 ? idle + 1 : 0;
      if (swept === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}
