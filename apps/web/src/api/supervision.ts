import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlaceKind } from '@fangkong/domain';
import { api, downloadUrl } from './client';
import type { components, paths } from './schema.gen';

export type Finding = components['schemas']['Finding'];
export type FindingPage = components['schemas']['FindingPage'];
export type Inspection = components['schemas']['Inspection'];
export type InspectionDetail = components['schemas']['InspectionDetail'];
export type InspectionPage = components['schemas']['InspectionPage'];
export type InspectionChecklist = components['schemas']['InspectionChecklist'];
export type SupervisionGroup = components['schemas']['SupervisionGroup'];
export type CreateGroupBody = NonNullable<
  paths['/api/v1/supervision-groups']['post']['requestBody']
>['content']['application/json'];
export type CreateInspectionBody = NonNullable<
  paths['/api/v1/inspections']['post']['requestBody']
>['content']['application/json'];
export type RectifyBody = NonNullable<
  paths['/api/v1/findings/{id}/rectification']['post']['requestBody']
>['content']['application/json'];
export type ReviewBody = NonNullable<
  paths['/api/v1/findings/{id}/review']['post']['requestBody']
>['content']['application/json'];
type Query = Record<string, string | number | undefined>;

const keys = {
  all: ['supervision'] as const,
  findings: (q: Query) => ['supervision', 'findings', q] as const,
  inspections: (q: Query) => ['supervision', 'inspections', q] as const,
  checklists: ['supervision', 'checklists'] as const,
  groups: ['supervision', 'groups'] as const,
};

export const useFindings = (q: Query) =>
  useQuery({
    queryKey: keys.findings(q),
    queryFn: ({ signal }) => api.get<FindingPage>('/api/v1/findings', q, signal),
    placeholderData: keepPreviousData,
  });
export const useInspections = (q: Query) =>
  useQuery({
    queryKey: keys.inspections(q),
    queryFn: ({ signal }) => api.get<InspectionPage>('/api/v1/inspections', q, signal),
    placeholderData: keepPreviousData,
  });
export const useChecklists = () =>
  useQuery({
    queryKey: keys.checklists,
    queryFn: ({ signal }) =>
      api.get<{ items: InspectionChecklist[] }>('/api/v1/inspection-checklists', undefined, signal),
    staleTime: 5 * 60_000,
  });

function useSupervisionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }) });
}
export const useCreateInspection = () =>
  useSupervisionMutation((body: CreateInspectionBody) => api.post<InspectionDetail>('/api/v1/inspections', body));
export const useRectify = () =>
  useSupervisionMutation(({ id, body }: { id: string; body: RectifyBody }) =>
    api.post<Finding>(`/api/v1/findings/${id}/rectification`, body),
  );
export const useReview = () =>
  useSupervisionMutation(({ id, body }: { id: string; body: ReviewBody }) =>
    api.post<Finding>(`/api/v1/findings/${id}/review`, body),
  );
export const useUpdateChecklist = () =>
  useSupervisionMutation(({ kind, items }: { kind: PlaceKind; items: { key?: string; label: string }[] }) =>
    api.put<InspectionChecklist>(`/api/v1/inspection-checklists/${kind}`, { items }),
  );
export const useGroups = () =>
  useQuery({
    queryKey: keys.groups,
    queryFn: ({ signal }) => api.get<{ items: SupervisionGroup[] }>('/api/v1/supervision-groups', undefined, signal),
  });
export const useCreateGroup = () =>
  useSupervisionMutation((body: CreateGroupBody) => api.post<SupervisionGroup>('/api/v1/supervision-groups', body));

export type SpotCheck = components['schemas']['SpotCheck'];
export type SpotCheckDetail = components['schemas']['SpotCheckDetail'];
export type SpotCheckRecord = components['schemas']['SpotCheckRecord'];
export type CreateSpotCheckBody = NonNullable<
  paths['/api/v1/spot-checks']['post']['requestBody']
>['content']['application/json'];
export type RecordOutcomeBody = NonNullable<
  paths['/api/v1/spot-checks/{id}/records/{recordId}']['post']['requestBody']
>['content']['application/json'];
export type WaitingBody = NonNullable<
  paths['/api/v1/findings/{id}/waiting']['post']['requestBody']
>['content']['application/json'];

export const useSpotChecks = (q: Query) =>
  useQuery({
    queryKey: ['supervision', 'spotChecks', q],
    queryFn: ({ signal }) => api.get<{ items: SpotCheck[]; total: number }>('/api/v1/spot-checks', q, signal),
    placeholderData: keepPreviousData,
  });
export const useSpotCheckRecords = (q: Query, enabled: boolean) =>
  useQuery({
    queryKey: ['supervision', 'spotCheckRecords', q],
    queryFn: ({ signal }) =>
      api.get<{ items: SpotCheckRecord[]; total: number }>('/api/v1/spot-check-records', q, signal),
    enabled,
  });
export const useSpotCheck = (id: string | null) =>
  useQuery({
    queryKey: ['supervision', 'spotCheck', id],
    queryFn: ({ signal }) => api.get<SpotCheckDetail>(`/api/v1/spot-checks/${id}`, undefined, signal),
    enabled: !!id,
  });
export const useCreateSpotCheck = () =>
  useSupervisionMutation((body: CreateSpotCheckBody) => api.post<SpotCheckDetail>('/api/v1/spot-checks', body));
export const useRecordOutcome = () =>
  useSupervisionMutation(({ id, recordId, body }: { id: string; recordId: string; body: RecordOutcomeBody }) =>
    api.post<SpotCheckDetail>(`/api/v1/spot-checks/${id}/records/${recordId}`, body),
  );
export const useWaiting = () =>
  useSupervisionMutation(({ id, body }: { id: string; body: WaitingBody }) =>
    api.post<Finding>(`/api/v1/findings/${id}/waiting`, body),
  );
/** The findings ledger (.xlsx) and the circular (.docx) of the findings a filter selects, through the browser's download. */
export const findingsFileUrl = (kind: 'ledger' | 'circular', q: Query) => downloadUrl(`/api/v1/findings/${kind}`, q);
