'use client';

import type { ReactNode } from 'react';
import { usePathname } from '@/lib/i18n/navigation';

/** Devices in the office (the kiosk at the entrance, the call display on the TV) show their page alone, without the site's header and footer. */
export function DeviceGate({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  return pathname === '/kiosk' || pathname.startsWith('/kiosk/') || pathname.startsWith('/aufruf/') ? null : children;
}
