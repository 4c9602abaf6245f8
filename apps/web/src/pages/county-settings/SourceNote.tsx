import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CountySettings } from '../../api/types';

type Source = CountySettings['report']['source'][string];

/** Where a value in force comes from: set here, inherited from a region above, or the product default. */
export function SourceNote({ source, here }: { source: Source | undefined; here: string }) {
  const { t } = useTranslation();
  const text = !source
    ? t('countySettings.fromDefault')
    : source.regionId === here
      ? t('countySettings.setHere')
      : t('countySettings.inherited', { region: source.regionName });
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {text}
    </Typography.Text>
  );
}
