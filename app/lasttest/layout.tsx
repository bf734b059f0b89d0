import type { ReactNode } from 'react';

// The load test's framework floor (scripts/loadtest.ts): a root layout of its own, without the locale
// layout's messages, header and footer, so the figure is what Next.js itself costs per dynamic page.
export default function FloorLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="de">
      <body>{children}</body>
    </html>
  );
}
