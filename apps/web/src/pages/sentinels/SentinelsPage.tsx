import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesWith } from '@fangkong/domain';
import { useSentinels, useVillageCounts, type Sentinel, type SentinelVillageCount } from '../../api/sentinels';
import { useMe } from '../../auth/session';
import { hasRole } from '../../auth/roles';
import { useDrillFilter } from '../../components/DrillFilter';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { SalesList } from './SalesList';
import { SentinelFormModal } from './SentinelFormModal';
import { BindAccountModal } from './BindAccountModal';

const MANAGERS = rolesWith('sentinels.manage');

/** 哨点监测: the sites with their counts, the villages' counts against their baseline (spikes first), the sales. */
export default function SentinelsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const drill = useDrillFilter();
  const regionId = drill?.regionId;
  const sites = useSentinels({ regionId });
  const counts = useVillageCounts({ regionId });
  const [creating, setCreating] = useState(false);
  const [binding, setBinding] = useState<Sentinel>();
  const manager = hasRole(me.role, MANAGERS);
  const spikes = (counts.data?.villages ?? []).filter((v) => v.spike);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('sentinels.title')}
        </Typography.Title>
        {manager ? (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('sentinels.newSite')}
          </Button>
        ) : null}
      </Space>
      {spikes.map((v) => (
        <Alert
          key={v.regionId}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="sentinel-spike"
          message={t('sentinels.spike', { village: v.regionName, count: v.count, baseline: v.baseline.toFixed(1) })}
        />
      ))}
      <Typography.Title level={5}>{t('sentinels.byVillage')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('sentinels.spikeRule')}
      </Typography.Paragraph>
      <ResponsiveTable<SentinelVillageCount>
        aria-label={t('sentinels.byVillage')}
        rowKey="regionId"
        size="small"
        pagination={false}
        loading={counts.isLoading}
        dataSource={counts.data?.villages ?? []}
        locale={{ emptyText: t('sentinels.noSales') }}
        columns={[
          { title: t('sentinels.village'), dataIndex: 'regionName', key: 'regionName' },
          { title: t('sentinels.countToday'), dataIndex: 'count', key: 'count', align: 'right' },
          {
            title: t('sentinels.baseline'),
            dataIndex: 'baseline',
            key: 'baseline',
            align: 'right',
            render: (b: number) => b.toFixed(1),
          },
          {
            title: t('sentinels.state'),
            key: 'spike',
            render: (_: unknown, v: SentinelVillageCount) =>
              v.spike ? <Tag color="red">{t('sentinels.spikeTag')}</Tag> : <Tag>{t('sentinels.normal')}</Tag>,
          },
        ]}
      />
      <Typography.Title level={5}>{t('sentinels.sites')}</Typography.Title>
      <ResponsiveTable<Sentinel>
        aria-label={t('sentinels.sites')}
        rowKey="id"
        size="small"
        pagination={false}
        loading={sites.isLoading}
        dataSource={sites.data?.items ?? []}
        locale={{ emptyText: t('sentinels.noSites') }}
        actionKeys={manager ? ['actions'] : []}
        columns={[
          { title: t('sentinels.siteName'), dataIndex: 'name', key: 'name' },
          {
            title: t('sentinels.kind'),
            key: 'kind',
            render: (_: unknown, s: Sentinel) => t(`sentinels.kinds.${s.kind}`),
          },
          { title: t('sentinels.region'), dataIndex: 'regionName', key: 'regionName' },
          { title: t('sentinels.salesToday'), dataIndex: 'salesToday', key: 'salesToday', align: 'right' },
          { title: t('sentinels.salesWeek'), dataIndex: 'salesWeek', key: 'salesWeek', align: 'right' },
          { title: t('sentinels.accounts'), dataIndex: 'accounts', key: 'accounts', align: 'right' },
          ...(manager
            ? [
                {
                  title: t('sentinels.actions'),
                  key: 'actions',
                  render: (_: unknown, s: Sentinel) => (
                    <Button size="small" onClick={() => setBinding(s)}>
                      {t('sentinels.bind')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <SalesList drill={drill} />
      <SentinelFormModal open={creating} onClose={() => setCreating(false)} />
      {binding ? <BindAccountModal site={binding} onClose={() => setBinding(undefined)} /> : null}
    </>
  );
}
