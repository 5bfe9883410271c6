import { parseStamp } from './hlc';
import type { SyncDb } from './local-db';
import { firstAuthor, latestChange } from './merge';
import type { RecordTable } from './records';

/** Who added a shared record, and who changed it last and when (their browser's clock). */
export interface Attribution {
  createdBy: string | undefined;
  changedBy: string | undefined;
  changedAt: string | undefined;
}

/** Attribution of every shared record of a table, from the sync bookkeeping (no network, no PouchDB). */
export async function readAttribution(sync: SyncDb, table: RecordTable): Promise<Map<string, Attribution>> {
  const out = new Map<string, Attribution>();
  for (const row of await sync.shadow.where('table').equals(table).toArray()) {
    const latest = latestChange(row.state);
    const wall = latest ? parseStamp(latest.stamp)?.wall : undefined;
    out.set(row.id, {
      createdBy: firstAuthor(row.state),
      changedBy: latest?.by,
      changedAt: wall !== undefined ? new Date(wall).toISOString() : undefined,
    });
  }
  return out;
}
