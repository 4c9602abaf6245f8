import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

/**
 * The filter a report or dashboard figure put in the address (its drill-down), or null. A list page
 * merges it into its own query, so its total is the figure it was opened from.
 */
export function useDrillFilter(): Record<string, string> | null {
  const [params] = useSearchParams();
  const entries = [...params.entries()].filter(([k]) => k !== 'page' && k !== 'pageSize');
  return entries.length ? Object.fromEntries(entries) : null;
}

/** Says the list is filtered by a figure and offers the whole list back. */
export function DrillBanner({ total }: { total?: number }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      message={t('figures.filtered', { count: total ?? 0 })}
      action={
        <Button size="small" onClick={() => setParams({})}>
          {t('figures.clear')}
        </Button>
      }
    />
  );
}
