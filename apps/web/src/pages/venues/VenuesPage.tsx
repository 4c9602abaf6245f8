import { can, shanghaiDateTimeOf, VENUE_CHECK_DAYS, VENUE_TYPES } from '@fangkong/domain';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import {
  useLiftOrder,
  useUncheckedVenues,
  useVenue,
  useVenueChecks,
  useVenueOrders,
  useVenues,
  type Venue,
  type VenueCheckRow,
  type VenueOrder,
} from '../../api/communityMeasures';
import { useMe } from '../../auth/session';
import { DrillBanner, useDrillFilter } from '../../components/DrillFilter';
import { CheckForm, NewOrderButton, NewVenueButton } from './VenueForms';

const TABS = ['all', 'underOrder', 'needsRecheck', 'unchecked', 'orders', 'checks'] as const;
const resultColor = { compliant: 'green', violation: 'orange', reopenedWithoutPermission: 'red' } as const;

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

function ChecksTable({
  data,
  total,
  loading,
  paging,
  setPaging,
  onOpen,
}: {
  data: VenueCheckRow[];
  total: number;
  loading: boolean;
  paging: { page: number; pageSize: number };
  setPaging: (p: { page: number; pageSize: number }) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<VenueCheckRow>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total,
        showTotal: (count) => t('common.total', { count }),
        onChange: (page, pageSize) => setPaging({ page, pageSize }),
      }}
      columns={[
        { title: t('venues.checkedAt'), dataIndex: 'checkedAt', render: (v: string) => shanghaiDateTimeOf(v) },
        {
          title: t('venues.name'),
          dataIndex: 'venueName',
          render: (n: string, c) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(c.venueId)}>
              {n}
            </Button>
          ),
        },
        {
          title: t('venues.type'),
          dataIndex: 'venueType',
          render: (k: VenueCheckRow['venueType']) => t(`venues.types.${k}`),
        },
        { title: t('venues.region'), dataIndex: 'regionName' },
        {
          title: t('venues.result'),
          dataIndex: 'result',
          render: (r: VenueCheckRow['result']) => <Tag color={resultColor[r]}>{t(`venues.results.${r}`)}</Tag>,
        },
        { title: t('venues.actionTaken'), dataIndex: 'actionTaken', render: (v: string | null) => v ?? '—' },
        { title: t('venues.checkedBy'), dataIndex: 'checkedBy', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

function OrdersTable({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const orders = useVenueOrders();
  const lift = useLiftOrder();
  return (
    <Table<VenueOrder>
      rowKey="id"
      size="middle"
      loading={orders.isFetching}
      dataSource={orders.data?.items ?? []}
      scroll={{ x: 'max-content' }}
      pagination={false}
      columns={[
        {
          title: t('venues.kind'),
          dataIndex: 'kind',
          render: (k: VenueOrder['kind'], o) => (
            <>
              {t(`venues.orderKinds.${k}`)}
              {o.hours ? ` ${o.hours}` : ''}
            </>
          ),
        },
        {
          title: t('venues.target'),
          key: 'target',
          render: (_, o) => o.venueName ?? `${o.regionName} ${t(`venues.types.${o.venueType!}`)}`,
        },
        { title: t('venues.from'), dataIndex: 'effectiveFrom' },
        {
          title: t('venues.until'),
          dataIndex: 'effectiveUntil',
          render: (v: string | null) => v ?? t('venues.untilOpen'),
        },
        {
          title: t('venues.inEffect'),
          dataIndex: 'inEffect',
          render: (v: boolean) => (
            <Tag color={v ? 'volcano' : 'default'}>{v ? t('venues.inEffect') : t('venues.ended')}</Tag>
          ),
        },
        { title: t('venues.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
        ...(canManage
          ? [
              {
                title: t('common.actions'),
                key: 'x',
                render: (_: unknown, o: VenueOrder) =>
                  o.inEffect && (
                    <Popconfirm
                      title={t('venues.liftConfirm')}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => lift.mutate(o.id, { onError: (err) => void message.error(errorMessage(err)) })}
                    >
                      <Button type="link" size="small">
                        {t('venues.lift')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

function VenueDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const venue = useVenue(id);
  const v = venue.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      title={v?.name}
      width={560}
      loading={venue.isPending}
      extra={v && can(me.role, 'measures.manage') && <NewOrderButton venue={v} />}
    >
      {venue.isError && <Alert type="error" showIcon message={errorMessage(venue.error)} />}
      {v && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'type', label: t('venues.type'), children: t(`venues.types.${v.type}`) },
              { key: 'region', label: t('venues.region'), children: `${v.regionName} ${v.address ?? ''}` },
              { key: 'operator', label: t('venues.operator'), children: `${v.operator ?? '—'} ${v.phone ?? ''}` },
              {
                key: 'orders',
                label: t('venues.currentOrders'),
                children: v.orders.map((k) => (
                  <Tag key={k} color="volcano">
                    {t(`venues.orderKinds.${k}`)}
                  </Tag>
                )),
              },
            ]}
          />
          {can(me.role, 'measures.record') && <CheckForm key={v.checks.length} venue={v} />}
          <Typography.Title level={5}>{t('venues.orders')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={v.orderList}
            columns={[
              {
                title: t('venues.kind'),
                dataIndex: 'kind',
                render: (k: VenueOrder['kind']) => t(`venues.orderKinds.${k}`),
              },
              { title: t('venues.from'), dataIndex: 'effectiveFrom' },
              {
                title: t('venues.until'),
                dataIndex: 'effectiveUntil',
                render: (u: string | null) => u ?? t('venues.untilOpen'),
              },
              {
                title: t('venues.inEffect'),
                dataIndex: 'inEffect',
                render: (e: boolean) => (e ? t('venues.inEffect') : t('venues.ended')),
              },
            ]}
          />
          <Typography.Title level={5}>{t('venues.checks')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={v.checks}
            columns={[
              { title: t('venues.checkedAt'), dataIndex: 'checkedAt', render: (c: string) => shanghaiDateTimeOf(c) },
              {
                title: t('venues.result'),
                dataIndex: 'result',
                render: (r: keyof typeof resultColor, c) => (
                  <>
                    <Tag color={resultColor[r]}>{t(`venues.results.${r}`)}</Tag>
                    {c.recheckOf && <Tag>{t('venues.recheck')}</Tag>}
                  </>
                ),
              },
              { title: t('venues.actionTaken'), dataIndex: 'actionTaken', render: (a: string | null) => a ?? '—' },
              { title: t('venues.checkedBy'), dataIndex: 'checkedBy', render: (b: string | null) => b ?? '—' },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
