import { regionLevelLabel, roleLabel } from '@fangkong/domain';
import dayjs from 'dayjs';
import type { RegionLevel, Role } from '../api/types';
import { currentLocale } from '../i18n';

// Role and level labels come from @fangkong/domain so server and web name them alike.

/** The role's name in the current language (系统管理员 / System administrator …). */
export function roleName(role: Role): string {
  return roleLabel(role, currentLocale());
}

/** The level's name in the current language (乡镇/街道 / Township …). */
export function levelName(level: RegionLevel): string {
  return regionLevelLabel(level, currentLocale());
}

/** Local date and time for a timestamp from the API, or '—'. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—';
}

/** Thousands separators in the current locale. */
export function formatCount(value: number | null | undefined): string {
  return value == null ? '—' : value.toLocaleString(currentLocale());
}
