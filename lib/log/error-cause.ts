/**
 * One line for logs and `last_error`: error code and message of the cause, with mail addresses blanked
 * out (SMTP replies often quote the recipient). Never a query's parameters, the mail itself, or a PIN.
 */
export function errorCause(error: unknown): string {
  // drizzle wraps driver errors ("Failed query: <sql>"); the cause says what went wrong.
  const { cause } = (error ?? {}) as { cause?: unknown };
  const { code, message } = (cause instanceof Error ? cause : (error ?? {})) as { code?: unknown; message?: unknown };
  const text = `${typeof code === 'string' ? `${code}: ` : ''}${typeof message === 'string' ? message : String(error)}`;
  return text.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<address>').slice(0, 500);
}
