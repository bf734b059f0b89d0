import { existsSync, readdirSync } from 'node:fs';

// Without SMTP_URL the e2e server writes every mail as an .eml file here (scripts/e2e-server.ts). A sent
// mail's outbox row is deleted at once, so the folder is where a test sees what went out.
const MAIL_DIR = '.data/e2e/mail';

/** How many mails of `kind` about booking or request `code` have gone out. */
export const mailsSent = (kind: string, code: string) => (existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR).filter((f) => f.endsWith(`-${kind}-${code}.eml`)).length : 0);
