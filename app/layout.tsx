import type { ReactNode } from 'react';
import './globals.css';

// Rendered per request, also the 404 page of paths no route matches: a page prerendered at build carries no
// CSP nonce on its scripts, so the browser would refuse them.
export const dynamic = 'force-dynamic';

// The <html> element lives in app/[locale]/layout.tsx so that its `lang` follows the locale.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
