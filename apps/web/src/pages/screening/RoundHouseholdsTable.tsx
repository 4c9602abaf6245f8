import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoundHouseholds } from '../../api/screening';
import type { RoundHousehold, RoundHouseholdsQuery } from '../../api/types';
import { formatDateTime } from '../../components/labels';
import { STATE_COLORS } from './labels';
import { DrillBanner } from '../../components/DrillFilter';

type StateFilter = NonNullable<RoundHouseholdsQuery['state']>;
const FILTERS: StateFilter[] = ['missing', 'notVisited', 'nobodyHome', 'refused', 'covered', 'visited', 'away'];

/**
 * The households behind the coverage figures of one region or grid; "missing" first (村不漏户).
 * With `drill` (a report figure's filter), exactly the households that figure counts.
 */
export function RoundHouseholdsTable({
  roundId,
  regionId,
  gridId,
  drill,
}: {
  roundId: string;
  regionId?: string;
  gridId?: string;
  drill?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<StateFilter | undefined>(drill ? undefined : 'missing');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useRoundHouseholds(roundId, drill ? { ...page, ...drill } : { ...page, regionId, gridId, state });
  const label = (s: StateFilter) =>
    s === 'missing' ? t('screening.missing') : s === 'covered' ? t('screening.covered') : t(`states.${s}`);
  return (
    <>
      {drill && <DrillBanner total={list.data?.total} />}
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('screening.listTitle')}
        </Typography.Title>
        {!drill && (
          <Select<StateFilter | undefined>
            aria-label={t('screening.state')}
            style={{ width: 180 }}
            value={state}
            allowClear
            placeholder={t('screening.allStates')}
            onChange={(v) => {
              setState(v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            options={FILTERS.map((s) => ({ value: s, label: label(s) }))}
          />
        )}
        <Typography.Text type="secondary">{t('screening.missingHint')}</Typography.Text>
      </Space>
      <Table<RoundHousehold>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 700 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showTotal: (count) => t('common.total', { count }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('screening.address'), dataIndex: 'address' },
          { title: t('register.region'), dataIndex: 'regionName' },
          { title: t('register.grid'), dataIndex: 'gridName', render: (v: string | null) => v ?? '—' },
          { title: t('screening.head'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
          { title: t('screening.members'), dataIndex: 'memberCount', width: 70 },
          {
            title: t('screening.state'),
            dataIndex: 'state',
            render: (s: string) => <Tag color={STATE_COLORS[s]}>{t(`states.${s}` as 'states.visited')}</Tag>,
          },
          { title: t('screening.visits'), dataIndex: 'visits', width: 80 },
          { title: t('screening.lastVisit'), dataIndex: 'lastVisitAt', render: formatDateTime },
        ]}
      />
    </>
  );
}
