import { Alert, Breadcrumb, Card, Descriptions, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useGrids, useRegion } from '../../api/regions';
import type { Grid } from '../../api/types';
import { formatCount, levelName } from '../../components/labels';

/** One region: code, level, where it sits, its counts, and its grids with their people. */
export function RegionDetailPanel({ regionId, onSelect }: { regionId: string; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const region = useRegion(regionId);
  const grids = useGrids(regionId);
  const n = (v: number) => formatCount(v);

  if (region.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (region.isError) return <Alert type="error" showIcon message={errorMessage(region.error)} />;
  const r = region.data;

  return (
    <Card
      title={
        <span>
          {r.name} <Tag color="blue">{levelName(r.level)}</Tag>
        </span>
      }
      aria-label={t('regions.detail')}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('regions.code')}>
          <Typography.Text copyable>{r.code}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('regions.level')}>{levelName(r.level)}</Descriptions.Item>
        <Descriptions.Item label={t('regions.path')} span="filled">
          {r.ancestors.length === 0 ? (
            '—'
          ) : (
            <Breadcrumb
              items={r.ancestors.map((a) => ({
                key: a.id,
                title: <Typography.Link onClick={() => onSelect(a.id)}>{a.name}</Typography.Link>,
              }))}
            />
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('regions.childCount')}>{n(r.childCount)}</Descriptions.Item>
        <Descriptions.Item label={t('regions.gridCount')}>{n(r.gridCount)}</Descriptions.Item>
        <Descriptions.Item label={t('regions.householdCount')}>{n(r.householdCount)}</Descriptions.Item>
        <Descriptions.Item label={t('regions.personCount')}>{n(r.personCount)}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('regions.grids')}
      </Typography.Title>
      {grids.isError && <Alert type="error" showIcon message={errorMessage(grids.error)} />}
      <Table<Grid>
        aria-label={t('regions.grids')}
        size="small"
        rowKey="id"
        loading={grids.isPending}
        dataSource={grids.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('regions.gridName'), dataIndex: 'name' },
          {
            title: t('regions.leader'),
            render: (_, g) =>
              g.leader?.displayName ?? <Typography.Text type="secondary">{t('regions.noLeader')}</Typography.Text>,
          },
          {
            title: t('regions.workers'),
            render: (_, g) => (g.workers.length ? g.workers.map((w) => <Tag key={w.id}>{w.displayName}</Tag>) : '—'),
          },
          {
            title: t('regions.householdCount'),
            dataIndex: 'householdCount',
            align: 'right',
            render: (v: number) => n(v),
          },
        ]}
      />
    </Card>
  );
}
