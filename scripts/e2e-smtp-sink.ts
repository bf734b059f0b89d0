import { rename, mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback for the e2e server: every mail the app sends goes over SMTP and lands in
 * `dir` as an .eml file named like the file transport names them (`<time>-<tag>.eml`, the tag from the
 * X-Amtstermin-Tag header), written under a temporary name and renamed, so a test never reads half a mail.
 */
export async function startSmtpSink(dir: string): Promise<{ port: number; stop: () => Promise<void> }> {
  await mkdir(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message = Buffer.concat(chunks);
        const header = message.subarray(0, message.indexOf('\r\n\r\n') + 1).toString('utf8');
        const tag = /^X-Amtstermin-Tag:\s*([A-Za-z0-9-]+)/im.exec(header)?.[1] ?? 'untagged';
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 6)}-${tag}.eml`;
        const temporary = path.join(dir, `.${name}.part`);
        writeFile(temporary, message)
          .then(() => rename(temporary, path.join(dir, name)))
          .then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { port: (server.server.address() as AddressInfo).port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
