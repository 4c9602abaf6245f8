import { can, shanghaiDateTimeOf, VENUE_CHECK_DAYS, VENUE_TYPES } from '@fangkong/domain';
import { Alert, Button, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useUncheckedVenues, useVenueChecks, useVenues, type Venue } from '../../api/communityMeasures';
import { useMe } from '../../auth/session';
import { DrillBanner, useDrillFilter } from '../../components/DrillFilter';
import { NewOrderButton, NewVenueButton } from './VenueForms';
import { ChecksTable } from './ChecksTable';
import { OrdersTable } from './OrdersTable';
import { VenueDrawer } from './VenueDrawer';
import { resultColor } from './resultColor';

const TABS = ['all', 'underOrder', 'needsRecheck', 'unchecked', 'orders', 'checks'] as const;

/** 场所管控: the venues of the scope, the orders on them, their checks, and those not checked lately. */
export default function VenuesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const drill = useDrillFilter();
  const [tab, setTab] = useState<(typeof TABS)[number]>('all');
  const [type, setType] = useState<string>();
  const [days, setDays] = useState(VENUE_CHECK_DAYS);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  // A report's checks figure drills here with a window: the checks list, not the register.
  const checksView = tab === 'checks' || !!drill?.checkedFrom;
  const venueQuery =
    drill && !drill.checkedFrom
      ? { ...paging, ...drill }
      : {
          ...paging,
          type,
          ...(tab === 'underOrder' ? { underOrder: 'true' } : tab === 'needsRecheck' ? { needsRecheck: 'true' } : {}),
        };
  const venues = useVenues(venueQuery);
  const unchecked = useUncheckedVenues(days, tab === 'unchecked' && !drill);
  const checks = useVenueChecks(drill?.checkedFrom ? { ...paging, ...drill } : paging, checksView);
  const list = tab === 'unchecked' && !drill ? unchecked : venues;
  const columns = [
    {
      title: t('venues.name'),
      dataIndex: 'name',
      render: (n: string, v: Venue) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(v.id)}>
          {n}
        </Button>
      ),
    },
    { title: t('venues.type'), dataIndex: 'type', render: (k: Venue['type']) => t(`venues.types.${k}`) },
    { title: t('venues.region'), dataIndex: 'regionName' },
    { title: t('venues.operator'), dataIndex: 'operator', render: (v: string | null) => v ?? '—' },
    { title: t('venues.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    {
      title: t('venues.currentOrders'),
      dataIndex: 'orders',
      render: (o: Venue['orders']) =>
        o.map((k) => (
          <Tag key={k} color="volcano">
            {t(`venues.orderKinds.${k}`)}
          </Tag>
        )),
    },
    {
      title: t('venues.lastChecked'),
      key: 'last',
      render: (_: unknown, v: Venue) =>
        v.lastCheckedAt ? (
          <>
            {shanghaiDateTimeOf(v.lastCheckedAt)}{' '}
            <Tag color={resultColor[v.lastResult!]}>{t(`venues.results.${v.lastResult!}`)}</Tag>
          </>
        ) : (
          <Tag>{t('venues.never')}</Tag>
        ),
    },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('venues.title')}
        </Typography.Title>
        {can(me.role, 'measures.manage') && (
          <Space>
            <NewOrderButton />
            <NewVenueButton />
          </Space>
        )}
      </Space>
      {drill && <DrillBanner total={checksView ? checks.data?.total : venues.data?.total} />}
      {!drill && (
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as typeof tab);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          items={TABS.map((k) => ({ key: k, label: t(`venues.${k === 'all' ? 'all' : k}`) }))}
        />
      )}
      {tab === 'orders' && !drill ? (
        <OrdersTable canManage={can(me.role, 'measures.manage')} />
      ) : checksView ? (
        <ChecksTable
          data={checks.data?.items ?? []}
          total={checks.data?.total ?? 0}
          loading={checks.isFetching}
          paging={paging}
          setPaging={setPaging}
          onOpen={setOpenId}
        />
      ) : (
        <>
          {!drill && (
            <Space style={{ marginBottom: 8 }} wrap>
              {tab === 'unchecked' ? (
                <>
                  {t('venues.days')}
                  <InputNumber
                    min={1}
                    max={90}
                    value={days}
                    onChange={(v) => setDays(v ?? VENUE_CHECK_DAYS)}
                    aria-label={t('venues.days')}
                  />
                  <Typography.Text type="secondary">{t('venues.uncheckedHint', { days })}</Typography.Text>
                </>
              ) : (
                <Select
                  allowClear
                  placeholder={t('venues.type')}
                  aria-label={t('venues.type')}
                  style={{ width: 180 }}
                  value={type}
                  onChange={setType}
                  options={VENUE_TYPES.map((k) => ({ value: k, label: t(`venues.types.${k}`) }))}
                />
              )}
            </Space>
          )}
          {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} />}
          <Table<Venue>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            columns={columns}
            pagination={
              tab === 'unchecked' && !drill
                ? false
                : {
                    current: paging.page,
                    pageSize: paging.pageSize,
                    total: list.data?.total ?? 0,
                    showTotal: (count) => t('common.total', { count }),
                    onChange: (page, pageSize) => setPaging({ page, pageSize }),
                  }
            }
          />
        </>
      )}
      <VenueDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
