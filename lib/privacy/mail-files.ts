import 'server-only';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Deletes the .eml files in `dir` (where mails go without SMTP_URL) written more than `days` days before
 * `now`: each holds a citizen's name, address and, for confirmations, the PIN in clear.
 */
export async function eraseOldMailFiles({ dir, days, now = new Date() }: { dir: string; days: number; now?: Date }): Promise<number> {
  const cutoff = now.getTime() - days * 86_400_000;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let erased = 0;
  for (const name of names.filter((n) => n.endsWith('.eml'))) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.mtimeMs >= cutoff) continue;
    await rm(file, { force: true });
    erased++;
  }
  return erased;
}
