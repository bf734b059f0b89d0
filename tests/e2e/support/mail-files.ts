import { existsSync, readdirSync } from 'node:fs';

// The e2e server sends every mail over SMTP to a sink that files it here as an .eml (scripts/e2e-smtp-sink.ts). A sent
// mail's outbox row is deleted at once, so the folder is where a test sees what went out.
const MAIL_DIR = '.data/e2e/mail';

/** How many mails of `kind` about booking or request `code` have gone out. */
export const mailsSent = (kind: string, code: string) => (existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR).filter((f) => f.endsWith(`-${kind}-${code}.eml`)).length : 0);
