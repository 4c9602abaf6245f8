import { useTranslation } from 'react-i18next';
import type { ChangedField } from '../../api/editVersion';
import { EditConflictAlert } from '../../components/EditConflictAlert';

const IN_WORDS: Record<string, string> = {
  category: 'keyPersons.categories',
  measure: 'keyPersons.measures',
  status: 'keyPersons.statuses',
};

/** What another user changed on a key-person file while a dialog on it was open, in words. */
export function FileConflictAlert({
  conflict,
  mine,
}: {
  conflict: ChangedField[] | null;
  mine?: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const labels = {
    category: t('keyPersons.category'),
    measure: t('keyPersons.measure'),
    status: t('keyPersons.status'),
    statusReason: t('keyPersons.reason'),
    plannedEndDate: t('keyPersons.plannedEndDate'),
    regionName: t('keyPersons.region'),
  };
  return (
    <EditConflictAlert
      conflict={conflict}
      labels={labels}
      mine={mine}
      format={(field, v) => (IN_WORDS[field] ? t(`${IN_WORDS[field]}.${String(v)}`) : undefined)}
    />
  );
}
