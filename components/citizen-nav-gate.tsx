'use client';

import type { ReactNode } from 'react';
import { usePathname } from '@/lib/i18n/navigation';

/** Shows the citizens' menu everywhere except in the staff area, which has its own navigation. */
export function CitizenNavGate({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  return pathname === '/verwaltung' || pathname.startsWith('/verwaltung/') ? null : children;
}
