/** FormData as a browser submits it. */
export function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
}

/** The redirect a server action ends with (Next.js throws it); undefined when the action returned instead. */
export const redirectOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { digest?: string }) => {
      if (!error?.digest?.startsWith('NEXT_REDIRECT;')) throw error;
      return error.digest;
    },
  );
