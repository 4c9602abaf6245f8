import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, downloadUrl } from './client';
import type { AuditLog, ListAuditLogsQuery, Page } from './types';

/** q: free text over actor name, event and target id; event: exact event name; from/to: ISO timestamps. */
export type AuditLogFilter = ListAuditLogsQuery & Required<Pick<ListAuditLogsQuery, 'page' | 'pageSize'>>;

export function useAuditLogs(filter: AuditLogFilter) {
  return useQuery({
    queryKey: ['audit-logs', filter],
    queryFn: ({ signal }) => api.get<Page<AuditLog>>('/api/v1/audit-logs', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The log as searched, as .xlsx (the export is itself audited). */
export const exportAuditLogsUrl = ({ page: _p, pageSize: _s, ...filter }: AuditLogFilter) =>
  downloadUrl('/api/v1/audit-logs/export', filter);
