// 县级设置: the settings in force at a region (管控规则, 日报设置, 卡口设置), their changes and history.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './client';
import type {
  CountySettingChangePage,
  CountySettings,
  UpdateCheckpointSettingsBody,
  UpdatePolicySettingsBody,
  UpdateReportSettingsBody,
} from './types';

export type SettingSection = 'policy' | 'report' | 'checkpoint';
type Bodies = {
  policy: UpdatePolicySettingsBody;
  report: UpdateReportSettingsBody;
  checkpoint: UpdateCheckpointSettingsBody;
};

export const countySettingKeys = {
  all: ['county-settings'] as const,
  at: (regionId: string | undefined) => ['county-settings', 'at', regionId ?? 'own'] as const,
  history: (q: object) => ['county-settings', 'history', q] as const,
};

/** The settings in force at a region (the actor's own when none is named), each value with where it comes from. */
export function useCountySettings(regionId?: string) {
  return useQuery({
    queryKey: countySettingKeys.at(regionId),
    queryFn: ({ signal }) => api.get<CountySettings>('/api/v1/county-settings', regionId ? { regionId } : {}, signal),
    staleTime: 5 * 60_000,
  });
}

/** The occupant checks in force at the actor's region (卡口设置). */
export function useCheckpointSettings() {
  const settings = useCountySettings();
  return { ...settings, data: settings.data?.checkpoint.values };
}

/** Sets (null: stops setting, inherits again) a region's own values of one section; county users only, audited. */
export function useUpdateCountySettings<S extends SettingSection>(section: S, regionId?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Bodies[S]) =>
      apiRequest<CountySettings[S]>(`/api/v1/county-settings/${section}`, {
        method: 'PUT',
        body,
        query: regionId ? { regionId } : {},
      }),
    // A change at one region moves what is in force below it: every region's answer is read again.
    onSuccess: () => void qc.invalidateQueries({ queryKey: countySettingKeys.all }),
  });
}

/** Who changed which settings, when, from what to what. */
export function useSettingHistory(q: { regionId?: string; section?: SettingSection; page: number; pageSize: number }) {
  return useQuery({
    queryKey: countySettingKeys.history(q),
    queryFn: ({ signal }) => api.get<CountySettingChangePage>('/api/v1/county-settings/history', q, signal),
    placeholderData: keepPreviousData,
  });
}

/** The key-person rules in force at the actor's region (管控规则): the check windows, the days per category … */
export function usePolicySettings() {
  const settings = useCountySettings();
  return { ...settings, data: settings.data?.policy.values };
}
