/** Reading server-rendered forms the way a browser without JavaScript submits them (load test, bot probe). */

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s=/<>"']+)(?:="([^"]*)")?/g)) result[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? '');
  return result;
}

export type ParsedForm = { action: string; hidden: [string, string][]; starts: string[]; fields: Set<string> };

/** The forms of a server-rendered page as a browser without JavaScript would submit them. */
export function parseForms(html: string): ParsedForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map((m) => {
    const form = attributes(m[1]!);
    const hidden: [string, string][] = [];
    const fields = new Set<string>();
    const starts: string[] = [];
    for (const input of m[2]!.matchAll(/<input\b[^>]*>/g)) {
      const a = attributes(input[0]);
      if (!a.name) continue;
      fields.add(a.name);
      if (a.type === 'hidden') hidden.push([a.name, a.value ?? '']);
    }
    for (const button of m[2]!.matchAll(/<button\b[^>]*>/g)) {
      const a = attributes(button[0]);
      if (a.name === 'start' && a.value) starts.push(a.value);
    }
    return { action: form.action ?? '', hidden, starts, fields };
  });
}
