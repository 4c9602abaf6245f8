import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type {
  DailyReport,
  DailyReportPreview,
  DailyReportRates,
  DailyReportStatus,
  RemindBody,
  ReportReminders,
  ReportRemindResult,
  SubmitDailyReportBody,
} from './types';

export const dailyReportKeys = { all: ['daily-reports'] as const };

export function useReportStatus(regionId: string, reportDate: string) {
  return useQuery({
    queryKey: [...dailyReportKeys.all, 'status', regionId, reportDate],
    queryFn: ({ signal }) =>
      api.get<DailyReportStatus>('/api/v1/daily-reports/status', { regionId, reportDate }, signal),
  });
}

export function useReportRates(regionId: string, period: 'day' | 'week' | 'month') {
  return useQuery({
    queryKey: [...dailyReportKeys.all, 'rates', regionId, period],
    queryFn: ({ signal }) => api.get<DailyReportRates>('/api/v1/daily-reports/rates', { regionId, period }, signal),
  });
}

export function useReportPreview(regionId: string, reportDate: string, enabled = true) {
  return useQuery({
    queryKey: [...dailyReportKeys.all, 'preview', regionId, reportDate],
    queryFn: ({ signal }) =>
      api.get<DailyReportPreview>('/api/v1/daily-reports/preview', { regionId, reportDate }, signal),
    enabled,
  });
}

export function useDailyReport(id: string) {
  return useQuery({
    queryKey: [...dailyReportKeys.all, 'one', id],
    queryFn: ({ signal }) => api.get<DailyReport>(`/api/v1/daily-reports/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useSubmitReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitDailyReportBody) => api.post<DailyReport>('/api/v1/daily-reports', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: dailyReportKeys.all }),
  });
}

/** 催报 received by a region for a day; polled, so a village sees the township's reminder without reloading. */
export function useReportReminders(regionId: string, reportDate: string, enabled = true) {
  return useQuery({
    queryKey: [...dailyReportKeys.all, 'reminders', regionId, reportDate],
    queryFn: ({ signal }) =>
      api.get<ReportReminders>('/api/v1/daily-reports/reminders', { regionId, reportDate }, signal),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useRemind() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RemindBody) => api.post<ReportRemindResult>('/api/v1/daily-reports/reminders', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: dailyReportKeys.all }),
  });
}

export const reportDocumentUrl = (id: string, format: 'docx' | 'xlsx') =>
  `/api/v1/daily-reports/${encodeURIComponent(id)}/document?format=${format}`;
