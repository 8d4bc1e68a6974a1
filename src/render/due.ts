// Who is due: text, CSV and JSON over the rows `due` found, overdue first. No fs, no process.
export const DUE_FORMATS = ['text', 'csv', 'json'] as const;
export type DueFormat = (typeof DUE_FORMATS)[number];

export interface DueItem {
  client: string;
  session: number;
  of: number;
  due: string;
  daysOverdue: number;
  lastSession: string | null;
}

export interface DueReport {
  on: string;
  by: string;
  items: DueItem[];
}

/** A cell a spreadsheet would run as a formula is prefixed with ', as batch output does. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderDue(report: DueReport, format: DueFormat): string {
  if (format === 'json')
    return `${JSON.stringify(
      {
        on: report.on,
        by: report.by,
        due: report.items.map((i) => ({ client: i.client, session: i.session, of: i.of, due: i.due, days_overdue: i.daysOverdue, last_session: i.lastSession })),
      },
      null,
      2,
    )}\n`;
  if (format === 'csv') {
    const rows = [['client', 'session', 'due', 'days_overdue', 'last_session']];
    for (const i of report.items) rows.push([i.client, `${i.session}/${i.of}`, i.due, String(i.daysOverdue), i.lastSession ?? '']);
    return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
  if (report.items.length === 0) return `No client has a session due by ${report.by}.\n`;
  const width = Math.min(40, Math.max(6, ...report.items.map((i) => i.client.length)));
  const lines = [`Due by ${report.by} (${report.items.length} client${report.items.length === 1 ? '' : 's'}, overdue first):`, ''];
  lines.push(`  ${'Client'.padEnd(width)}  Session  Due         Overdue  Last session`);
  for (const i of report.items)
    lines.push(
      `  ${i.client.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, width).padEnd(width)}  ${`${i.session}/${i.of}`.padEnd(7)}  ${i.due}  ${(i.daysOverdue > 0 ? `${i.daysOverdue} d` : '-').padEnd(7)}  ${i.lastSession ?? 'none'}`,
    );
  return `${lines.join('\n')}\n`;
}
