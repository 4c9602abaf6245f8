import { useTranslation } from 'react-i18next';

/** A default item by its translated key, a county's own by the name it was given. */
export function useItemName() {
  const { t } = useTranslation();
  return (i: { key: string | null; name: string }) =>
    i.key ? t(`supplies.items.${i.key}`, { defaultValue: i.name }) : i.name;
}
