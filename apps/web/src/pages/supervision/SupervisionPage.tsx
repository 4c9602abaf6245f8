import { can } from '@fangkong/domain';
import { Button, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useMe } from '../../auth/session';
import { useDrillFilter } from '../../components/DrillFilter';
import { FindingsTab } from './FindingsTab';
import { InspectionsTab } from './InspectionsTab';

const InspectionForm = lazy(() => import('./InspectionForm'));
const ChecklistsTab = lazy(() => import('./ChecklistsTab'));
const GroupsTab = lazy(() => import('./GroupsTab'));
const SpotChecksTab = lazy(() => import('./SpotChecksTab').then((m) => ({ default: m.SpotChecksTab })));

/**
 * 督查整改: the findings addressed to the caller's regions (what a township or village answers), the
 * inspections recorded in scope, the data-truth spot checks, and for the county's supervision office the checklists. A report
 * figure opens /supervision (inspections) or /supervision/findings with its filter in the address.
 */
export default function SupervisionPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const drill = useDrillFilter();
  const { tab: routeTab } = useParams();
  const canRecord = can(me.role, 'inspections.record');
  const canEditLists = can(me.role, 'supervision.manage') && me.regionLevel === 'county';
  const tabs = ['findings', 'inspections', 'spot-checks', 'groups', ...(canEditLists ? ['checklists'] : [])];
  // A drill-down to /supervision lists inspections; the menu opens the findings first.
  const tab = routeTab && tabs.includes(routeTab) ? routeTab : drill ? 'inspections' : 'findings';
  const [recording, setRecording] = useState(false);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('supervision.title')}
        </Typography.Title>
        {canRecord && (
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('supervision.newInspection')}
          </Button>
        )}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => void navigate(`/supervision/${k}`)}
        items={tabs.map((k) => ({
          key: k,
          label: k === 'spot-checks' ? t('supervision.spotChecks') : t(`supervision.${k as 'findings'}`),
        }))}
      />
      {tab === 'findings' && <FindingsTab drill={drill} />}
      {tab === 'inspections' && <InspectionsTab drill={drill} />}
      {tab === 'spot-checks' && (
        <Suspense fallback={null}>
          <SpotChecksTab drill={drill} />
        </Suspense>
      )}
      {tab === 'groups' && (
        <Suspense fallback={null}>
          <GroupsTab canManage={canEditLists} />
        </Suspense>
      )}
      {tab === 'checklists' && (
        <Suspense fallback={null}>
          <ChecklistsTab />
        </Suspense>
      )}
      {recording && (
        <Suspense fallback={null}>
          <InspectionForm onClose={() => setRecording(false)} />
        </Suspense>
      )}
    </>
  );
}
