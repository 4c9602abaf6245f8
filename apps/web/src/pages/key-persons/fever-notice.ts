import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { HealthCheck } from '../../api/types';

/** What a recorded fever set going: the triage task, for whom, and by when (the server's deadline). */
export function feverNotice(t: TFunction, name: string, check: HealthCheck): string | null {
  if (!check.triageTaskId || !check.triageDeadline) return null;
  return t('fieldNotes.triageOpened', { name, deadline: dayjs(check.triageDeadline).format('MM-DD HH:mm') });
}
