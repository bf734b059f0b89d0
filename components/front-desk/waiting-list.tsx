import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

export type WaitingRow = { id: number; label: string; kind: 'appointment' | 'walk_in'; name: string | null; scheduledAt: Date; waitedMinutes: number; waitMinutes: number };

/** Who waits, in calling order, for how long and how much longer (estimated); `action` adds a call button per row. */
export async function WaitingList({ rows, timeZone, locale, action }: { rows: WaitingRow[]; timeZone: string; locale: string; action?: (row: WaitingRow) => ReactNode }) {
  const t = await getTranslations('FrontDesk');
  if (rows.length === 0) return <p className="muted">{t('nobodyWaiting')}</p>;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  return (
    <table className="waiting-list">
      <thead>
        <tr>
          <th scope="col">{t('number')}</th>
          <th scope="col">{t('who')}</th>
          <th scope="col">{t('appointment')}</th>
          <th scope="col">{t('waited')}</th>
          <th scope="col">{t('estimate')}</th>
          {action && <th scope="col">{t('actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.label}</th>
            <td>{row.kind === 'walk_in' ? t('walkIn') : (row.name ?? '–')}</td>
            <td>{row.kind === 'walk_in' ? '–' : time.format(row.scheduledAt)}</td>
            <td>{t('minutes', { minutes: row.waitedMinutes })}</td>
            <td>{t('aboutMinutes', { minutes: row.waitMinutes })}</td>
            {action && <td>{action(row)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
