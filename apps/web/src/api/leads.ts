import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, downloadUrl } from './client';
import { keyPersonKeys } from './keyPersons';
import type {
  Lead,
  LeadImportMapping,
  LeadImportResult,
  LeadList,
  ListLeadsQuery,
  Page,
  VerifyLeadBody,
} from './types';

export type LeadFilter = ListLeadsQuery & { page: number; pageSize: number };
const leadKeys = {
  all: ['leads'] as const,
  list: (f: LeadFilter) => ['leads', 'list', f] as const,
  lists: ['leads', 'lists'] as const,
};

export function useLeads(filter: LeadFilter, enabled = true) {
  return useQuery({
    enabled,
    queryKey: leadKeys.list(filter),
    queryFn: ({ signal }) => api.get<Page<Lead>>('/api/v1/leads', { ...filter }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000, // deadlines move on their own
  });
}

/** The imported lists (协查名单) with rows in scope and how far their verification is. */
export function useLeadLists() {
  return useQuery({
    queryKey: leadKeys.lists,
    queryFn: ({ signal }) => api.get<{ items: LeadList[] }>('/api/v1/leads/lists', {}, signal),
  });
}

/** 协查反馈表 of a list: a download link (the session cookie goes with it). */
export const leadFeedbackUrl = (listId: string) => downloadUrl(`/api/v1/leads/lists/${listId}/feedback`);

function useLeadMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: leadKeys.all });
      void queryClient.invalidateQueries({ queryKey: keyPersonKeys.all });
    },
  });
}

export const useVerifyLead = () =>
  useLeadMutation(({ id, body }: { id: string; body: VerifyLeadBody }) =>
    api.post<{ leadId: string; keyPersonId: string }>(`/api/v1/leads/${id}/verify`, body),
  );
export const useDismissLead = () =>
  useLeadMutation(({ id, reason }: { id: string; reason: string }) =>
    api.post<Lead>(`/api/v1/leads/${id}/dismiss`, { reason }),
  );
/** The import answers the counts, or (nothing imported) the mapping step when its columns are unclear. */
export const useImportLeads = () =>
  useLeadMutation(
    ({
      file,
      issuer,
      batch,
      deadline,
      mapping,
    }: {
      file: File;
      issuer: string;
      batch?: string;
      deadline?: string;
      mapping?: Record<string, string>;
    }) =>
      apiRequest<LeadImportResult | LeadImportMapping>('/api/v1/leads/import', {
        method: 'POST',
        query: { issuer, batch, deadline, mapping: mapping && JSON.stringify(mapping) },
        body: file,
        contentType: file.name.toLowerCase().endsWith('.csv')
          ? 'text/csv'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
  );

/** The empty 协查名单 template: a download link. */
export const leadTemplateUrl = () => downloadUrl('/api/v1/leads/import-template');
/** 恶意举报: the township dismisses an open tip as malicious. */
export const useMarkMalicious = () => useLeadMutation((id: string) => api.post<Lead>(`/api/v1/leads/${id}/malicious`));

/** The named reporter of a tip in full (township and above; audited). */
export const fetchTipReporter = (id: string) =>
  api.get<{ name: string | null; phone: string }>(`/api/v1/leads/${id}/reporter`);

/** An unmatched lead placed in a village below its region. */
export const usePlaceLead = () =>
  useLeadMutation(({ id, regionId }: { id: string; regionId: string }) =>
    api.post<Lead>(`/api/v1/leads/${id}/place`, { regionId }),
  );
/** An unmatched lead linked to a person registered since (joined to their open lead when they have one). */
export const useLinkLead = () =>
  useLeadMutation(({ id, personId }: { id: string; personId: string }) =>
    api.post<Lead>(`/api/v1/leads/${id}/link`, { personId }),
  );
/** An open lead merged into another lead of the same person. */
export const useMergeLead = () =>
  useLeadMutation(({ id, leadId }: { id: string; leadId: string }) =>
    api.post<Lead>(`/api/v1/leads/${id}/merge`, { leadId }),
  );
