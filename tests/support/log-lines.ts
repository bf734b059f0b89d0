import { vi } from 'vitest';

/**
 * What the app logs (lib/log/logger.ts: one JSON line per event on stdout) while a test runs, parsed, and
 * kept out of the test output. `restore` puts stdout back.
 */
export function captureLogLines(): { lines: Record<string, unknown>[]; text: () => string; restore: () => void } {
  const raw: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    raw.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  const lines: Record<string, unknown>[] = [];
  return {
    lines: new Proxy(lines, {
      get(target, key, receiver) {
        target.splice(0, target.length, ...raw.join('').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>));
        return Reflect.get(target, key, receiver);
      },
    }),
    text: () => raw.join(''),
    restore: () => spy.mockRestore(),
  };
}
