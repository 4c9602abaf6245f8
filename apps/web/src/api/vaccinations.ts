import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './client';
import type { components } from './schema.gen';

export type VaccinationCoverage = components['schemas']['VaccinationCoverage'];
export type CoverageRow = VaccinationCoverage['region'];
export type VaccinationPerson = components['schemas']['VaccinationPersonPage']['items'][number];
export type VaccinationImportResult = components['schemas']['VaccinationImportResult'];
export type UnvaccinatedReason = 'contraindication' | 'refused' | 'away';

export const useCoverage = (q: { regionId?: string; day?: string }) =>
  useQuery({
    queryKey: ['vaccinationCoverage', q],
    queryFn: ({ signal }) => api.get<VaccinationCoverage>('/api/v1/vaccinations/coverage', q, signal),
  });

export interface PersonsQuery {
  regionId?: string;
  day?: string;
  ageGroup?: string;
  dose?: string;
  status?: string;
  reason?: string;
  page: number;
}
export const useVaccinationPersons = (q: PersonsQuery) =>
  useQuery({
    queryKey: ['vaccinationPersons', q],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<components['schemas']['VaccinationPersonPage']>(
        '/api/v1/vaccinations/persons',
        { ...q, pageSize: 20 },
        signal,
      ),
  });

export function useRecordFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { personId: string; reason: UnvaccinatedReason; note?: string }) =>
      api.post<components['schemas']['VaccinationFollowUp']>('/api/v1/vaccination-follow-ups', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['vaccinationPersons'] }),
  });
}

/** Starts an import of the vaccination system's export as a job (poll it with fetchFileJob). */
export const startDoseImport = (file: File, contentType: string) =>
  apiRequest<{ id: string }>('/api/v1/vaccination-doses/import', { method: 'POST', body: file, contentType });

export function useRecordDose() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      id: string;
      personId: string;
      vaccine: string;
      doseNumber: number;
      givenOn: string;
      place?: string;
    }) => api.post<components['schemas']['VaccinationDose']>('/api/v1/vaccination-doses', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['vaccinationPersons'] });
      void queryClient.invalidateQueries({ queryKey: ['vaccinationCoverage'] });
    },
  });
}
