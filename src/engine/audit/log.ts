/**
 * The audit log: every data action (load, clean step, PII action, train, export, delete) with
 * its time and what it touched, by name and id. It never holds a cell value: callers pass
 * names, ids and counts only, and `record` keeps nothing else.
 */
export type AuditAction = 'load' | 'clean' | 'pii' | 'train' | 'export' | 'delete' | 'import' | 'restore' | 'lock' | 'unlock' | 'anomaly' | 'update';

export interface AuditEntry {
  /** ISO time. */
  at: string;
  action: AuditAction;
  /** What it touched, as the user knows it: "demo-customers.csv", "Run 2 · gbdt". */
  target: string;
  /** Ids of what it touched (dataset, run). */
  ids: string[];
  /** In words, without cell values: "Dropped 12 duplicate rows", "pseudonymised column email". */
  detail: string;
}

export function createAuditLog(now: () => Date = () => new Date()) {
  const entries: AuditEntry[] = [];
  const listeners: ((entry: AuditEntry) => void)[] = [];
  return {
    record(action: AuditAction, target: string, ids: string[], detail: string): AuditEntry {
      const entry = { at: now().toISOString(), action, target, ids: [...ids], detail };
      entries.push(entry);
      for (const l of listeners) l(entry);
      return entry;
    },
    /** Every data action is a change worth saving: the workspace listens here. */
    onRecord(listener: (entry: AuditEntry) => void): void {
      listeners.push(listener);
    },
    list(): AuditEntry[] {
      return entries.slice();
    },
    /** Restores a saved log (workspace reload); entries keep their times. */
    replace(saved: AuditEntry[]): void {
      entries.splice(0, entries.length, ...saved);
    },
    toCsv(): string {
      const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
      return ['time,action,target,ids,detail', ...entries.map((e) => [e.at, e.action, e.target, e.ids.join(' '), e.detail].map(quote).join(','))].join('\n') + '\n';
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
