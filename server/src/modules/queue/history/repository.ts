import type { DbOrTx } from '../../../platform/db/database.ts';
import { tickets } from '../tables.ts';
import type { NewTicket } from '../tickets/repository.ts';

export type TicketRecord = NewTicket & {
  id: string;
  issuedAt: Date;
  sortAt: Date;
  recallCount: number;
  serviceEndedAt: Date | null;
  handledItemIds: string[];
  cancelReason: string | null;
};

/** Bulk insert (demo history and imports): 500 rows a statement. */
export async function insertTicketRecords(tx: DbOrTx, rows: TicketRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await tx.insert(tickets).values(rows.slice(i, i + 100));
}
