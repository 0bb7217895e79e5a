/** The audit log of data actions, to view and to export. It holds no cell values. */
import type { AuditEntry, AuditAction } from './log';

export type { AuditEntry, AuditAction };

export interface AuditApi {
  list(): Promise<AuditEntry[]>;
  /** The log as CSV (time, action, target, ids, detail). */
  exportCsv(): Promise<Blob>;
}
