import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrillBanner, useDrillFilter } from '../../components/DrillFilter';
import { exportEntriesUrl, exportStatsUrl, useEntries, useStats } from '../../api/checkpoints';
import type { CheckpointEntry, CheckpointStats, ListEntriesQuery, StatsQuery } from '../../api/types';
import { useMe } from '../../auth/session';
import { hasRole } from '../../auth/roles';
import { formatDateTime } from '../../components/labels';
import { ENTRY_EXPORTERS } from './roles';

type StatRow = CheckpointStats['rows'][number];
const FIGURES = ['vehicles', 'persons', 'turnedBack', 'held', 'fevers', 'localPersons', 'outsidePersons'] as const;

/** Checkpoint statistics (per checkpoint, township or county; hour or day) and the searchable entry log. */
export default function EntriesLogPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(6, 'day'), dayjs()]);
  const [by, setBy] = useState<StatsQuery['by']>('checkpoint');
  const [bucket, setBucket] = useState<StatsQuery['bucket']>('total');
  const drill = useDrillFilter();
  const [filter, setFilter] = useState<ListEntriesQuery>({ page: 1, pageSize: 20, ...drill });
  const statsQuery: StatsQuery = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), by, bucket };
  const stats = useStats(statsQuery);
  const entries = useEntries(filter);
  const totals = stats.data?.totals;

  const onSearch = (v: { plate?: string; idNumber?: string; time?: [Dayjs, Dayjs] | null }) =>
    setFilter({
      page: 1,
      pageSize: filter.pageSize,
      plate: v.plate || undefined,
      idNumber: v.idNumber || undefined,
      from: v.time?.[0]?.toISOString(),
      to: v.time?.[1]?.toISOString(),
    });

  return (
    <>
      <Typography.Title level={4}>{t('checkpoints.log')}</Typography.Title>
      <Card
        size="small"
        title={t('checkpoints.stats')}
        style={{ marginBottom: 12 }}
        extra={
          <DatePicker.RangePicker
            aria-label={t('controls.dateRange')}
            allowClear={false}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
        }
      >
        <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
          {FIGURES.map((f) => (
            <Col key={f} xs={8} md={3}>
              <Statistic
                title={t(`checkpoints.${f}`)}
                value={totals?.[f] ?? 0}
                valueStyle={f === 'fevers' && totals?.fevers ? { color: '#cf1322' } : undefined}
              />
            </Col>
          ))}
        </Row>
        <Space wrap style={{ marginBottom: 8 }}>
          <Segmented
            value={by}
            onChange={(v) => setBy(v as StatsQuery['by'])}
            options={[
              { value: 'checkpoint', label: t('checkpoints.byCheckpoint') },
              { value: 'township', label: t('checkpoints.byTownship') },
              { value: 'county', label: t('checkpoints.byCounty') },
            ]}
          />
          <Segmented
            value={bucket}
            onChange={(v) => setBucket(v as StatsQuery['bucket'])}
            options={[
              { value: 'total', label: t('checkpoints.total') },
              { value: 'day', label: t('checkpoints.byDay') },
              { value: 'hour', label: t('checkpoints.byHour') },
            ]}
          />
          <Button icon={<DownloadOutlined />} href={exportStatsUrl(statsQuery)}>
            {t('checkpoints.export')}
          </Button>
        </Space>
        <Table<StatRow>
          size="small"
          rowKey={(r) => `${r.key}/${r.bucket}`}
          loading={stats.isFetching}
          dataSource={stats.data?.rows ?? []}
          scroll={{ x: 700 }}
          pagination={{ pageSize: 24 }}
          columns={[
            { title: t('checkpoints.name'), dataIndex: 'name' },
            ...(bucket === 'total' ? [] : [{ title: t('checkpoints.bucket'), dataIndex: 'bucket' }]),
            ...FIGURES.map((f) => ({ title: t(`checkpoints.${f}`), dataIndex: f, align: 'right' as const })),
          ]}
        />
      </Card>
      <Card size="small">
        <Form layout="inline" onFinish={onSearch} style={{ marginBottom: 8, rowGap: 8 }}>
          <Form.Item name="plate">
            <Input
              allowClear
              aria-label={t('checkpoints.searchPlate')}
              placeholder={t('checkpoints.searchPlate')}
              style={{ width: 170 }}
            />
          </Form.Item>
          <Form.Item name="idNumber">
            <Input
              allowClear
              aria-label={t('checkpoints.searchId')}
              placeholder={t('checkpoints.searchId')}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item name="time">
            <DatePicker.RangePicker showTime aria-label={t('controls.timeRange')} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          {hasRole(me.role, ENTRY_EXPORTERS) ? (
            <Button
              icon={<DownloadOutlined />}
              href={exportEntriesUrl({
                plate: filter.plate,
                idNumber: filter.idNumber,
                from: filter.from,
                to: filter.to,
              })}
            >
              {t('checkpoints.export')}
            </Button>
          ) : null}
        </Form>
        {drill && <DrillBanner total={entries.data?.total} />}
        <Table<CheckpointEntry>
          rowKey="id"
          size="small"
          loading={entries.isFetching}
          dataSource={entries.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: entries.data?.total ?? 0,
            onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
            showTotal: (n) => t('common.total', { count: n }),
          }}
          columns={[
            { title: t('checkpoints.time'), dataIndex: 'recordedAt', render: formatDateTime },
            { title: t('checkpoints.checkpoint'), dataIndex: 'checkpointName' },
            {
              title: t('checkpoints.plate'),
              dataIndex: 'plate',
              render: (p: string | null) => p ?? t('checkpoints.pedestrian'),
            },
            {
              title: t('checkpoints.direction'),
              dataIndex: 'direction',
              render: (d: 'in' | 'out') => t(`checkpoints.${d}`),
            },
            { title: t('checkpoints.origin'), dataIndex: 'origin' },
            {
              title: t('checkpoints.occupants'),
              key: 'occupants',
              render: (_: unknown, e) =>
                e.occupants.map((o) => (
                  <div key={o.id}>
                    {o.name} <Typography.Text type="secondary">{o.idNumber}</Typography.Text> {o.temperature}℃
                    {o.fever ? <Tag color="red">{t('checkpoints.fever')}</Tag> : null}
                    {o.riskArea ? <Tag color="orange">{t('checkpoints.riskArea')}</Tag> : null}
                    {o.local ? <Tag color="blue">{t('checkpoints.local')}</Tag> : null}
                  </div>
                )),
            },
            {
              title: t('checkpoints.decision'),
              dataIndex: 'decision',
              render: (d: CheckpointEntry['decision']) => t(`checkpoints.decisions.${d}`),
            },
            { title: t('checkpoints.recordedBy'), dataIndex: 'recordedByName' },
          ]}
        />
      </Card>
    </>
  );
}
