import { rolesWith } from '@fangkong/domain';
import { Alert, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useCountySettings } from '../../api/countySettings';
import type { Role } from '../../api/types';
import { hasRole } from '../../auth/roles';
import { useMe } from '../../auth/session';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { CheckpointSettingsCard } from '../checkpoints/CheckpointSettingsCard';
import { HistoryTable } from './HistoryTable';
import { PolicySection } from './PolicySection';
import { ReportSection } from './ReportSection';

const POLICY_EDITORS = rolesWith('keyPersons.policy');
const REPORT_EDITORS = rolesWith('dailyReports.settings');
const CHECKPOINT_EDITORS = rolesWith('checkpoints.manage');

/**
 * 县级设置: the county's rules in one page, one section each (管控规则, 日报设置, 卡口设置) and one
 * history. A county user picks the county or one of its townships or villages to set its own values
 * there; every value shows whether it is set here, inherited from above, or the product default.
 */
export default function CountySettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  // The region is kept in the address (?regionId=), so that a link opens one township's settings.
  const [params, setParams] = useSearchParams();
  const regionId = params.get('regionId') ?? undefined;
  const settings = useCountySettings(regionId);
  // The server also requires a county-level scope for every change.
  const atCounty = me.regionLevel === 'county';
  const can = (roles: readonly Role[]) => atCounty && hasRole(me.role, roles);
  if (settings.isError) return <Alert type="error" showIcon message={errorMessage(settings.error)} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('countySettings.title')}
      </Typography.Title>
      <Space wrap>
        <Typography.Text>{t('countySettings.region')}</Typography.Text>
        <div style={{ width: 280 }}>
          <RegionTreeSelect
            value={regionId ?? me.regionId}
            onChange={(v) => setParams(v && v !== me.regionId ? { regionId: v } : {})}
            aria-label={t('countySettings.region')}
            fallbackLabel={settings.data?.region.name ?? me.regionName}
          />
        </div>
      </Space>
      <Alert type="info" showIcon message={atCounty ? t('countySettings.hint') : t('countySettings.readOnly')} />
      {!settings.data ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : (
        <Tabs
          items={[
            {
              key: 'policy',
              label: t('countySettings.policy'),
              children: <PolicySection settings={settings.data} regionId={regionId} editable={can(POLICY_EDITORS)} />,
            },
            {
              key: 'report',
              label: t('countySettings.report'),
              children: <ReportSection settings={settings.data} regionId={regionId} editable={can(REPORT_EDITORS)} />,
            },
            {
              key: 'checkpoint',
              label: t('countySettings.checkpoint'),
              children: <CheckpointSettingsCard regionId={regionId} canEdit={can(CHECKPOINT_EDITORS)} />,
            },
            { key: 'history', label: t('countySettings.history'), children: <HistoryTable regionId={regionId} /> },
          ]}
        />
      )}
    </Space>
  );
}
