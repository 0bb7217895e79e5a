import type { AuditApi } from './api';
import type { AuditLog } from './log';

export function createAuditService(log: AuditLog): AuditApi {
  return {
    async list() {
      return log.list();
    },
    async exportCsv() {
      return new Blob([log.toCsv()], { type: 'text/csv' });
    },
  };
}
