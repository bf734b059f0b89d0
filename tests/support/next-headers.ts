// Stand-in for next/headers in integration tests: server actions run outside a Next.js request here,
// so cookies and headers come from this in-memory jar. The database stays real.
type Jar = Map<string, string>;
const jar: Jar = ((globalThis as { __testCookieJar?: Jar }).__testCookieJar ??= new Map());
type CookieOptions = { httpOnly?: boolean; secure?: boolean; sameSite?: string; path?: string; domain?: string; maxAge?: number };
const options = ((globalThis as { __testCookieOptions?: Map<string, CookieOptions> }).__testCookieOptions ??= new Map());

export const testCookies = {
  clear: () => jar.clear(),
  entries: () => [...jar.entries()],
  /** The attributes the last `set` of this cookie gave it. */
  options: (name: string) => options.get(name),
};

export async function cookies() {
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string, attributes: CookieOptions = {}) => {
      jar.set(name, value);
      options.set(name, attributes);
    },
    delete: (name: string) => void jar.delete(name),
  };
}

export async function headers() {
  return new Headers({ 'x-forwarded-for': '203.0.113.7' });
}
