import { auditEventWord, auditTargetWord } from '@fangkong/domain';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportAuditLogsUrl, useAuditLogs, type AuditLogFilter } from '../../api/auditLogs';
import { errorMessage } from '../../api/client';
import type { AuditLog } from '../../api/types';
import { formatDateTime } from '../../components/labels';
import { UserPicker } from '../../components/UserPicker';
import { currentLocale } from '../../i18n';

interface FilterForm {
  q?: string;
  actorId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export default function AuditLogsPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AuditLogFilter>({ page: 1, pageSize: 20 });
  const logs = useAuditLogs(filter);

  const onFinish = ({ q, actorId, range }: FilterForm) =>
    setFilter((f) => ({
      page: 1,
      pageSize: f.pageSize,
      q: q?.trim() || undefined,
      actorId,
      // Whole days in the browser's time zone: [start of first day, start of the day after the last).
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.add(1, 'day').startOf('day').toISOString(),
    }));

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Form<FilterForm> form={form} layout="inline" onFinish={onFinish} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q" label={t('audit.keyword')}>
          <Input
            aria-label={t('audit.keywordPlaceholder')}
            placeholder={t('audit.keywordPlaceholder')}
            allowClear
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="actorId" label={t('audit.actor')}>
          <UserPicker
            aria-label={t('audit.actorPlaceholder')}
            placeholder={t('audit.actorPlaceholder')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="range" label={t('audit.dateRange')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} aria-label={t('controls.timeRange')} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              form.submit();
            }}
          >
            {t('common.reset')}
          </Button>
          <Button icon={<DownloadOutlined />} href={exportAuditLogsUrl(filter)}>
            {t('audit.export')}
          </Button>
        </Space>
      </Form>
      {logs.isError && <Alert type="error" showIcon message={errorMessage(logs.error)} style={{ marginBottom: 16 }} />}
      <Table<AuditLog>
        aria-label={t('audit.title')}
        rowKey="id"
        size="middle"
        loading={logs.isFetching}
        dataSource={logs.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: logs.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { count }),
          onChange: (page, pageSize) =>
            setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
        }}
        expandable={{
          expandedRowRender: (log) =>
            log.detail == null ? (
              <Typography.Text type="secondary">{t('audit.noDetail')}</Typography.Text>
            ) : (
              <pre className="fk-detail-json" aria-label={t('audit.detail')}>
                {JSON.stringify(log.detail, null, 2)}
              </pre>
            ),
        }}
        columns={[
          { title: t('audit.time'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
          {
            title: t('audit.actor'),
            dataIndex: 'actorName',
            render: (v: string | null) => <span translate="no">{v ?? '—'}</span>,
          },
          { title: t('audit.event'), dataIndex: 'event', render: (v: string) => auditEventWord(currentLocale(), v) },
          {
            title: t('audit.target'),
            key: 'target',
            // The record's name when it has one; otherwise its kind and the start of its id.
            render: (_, l) =>
              l.targetType ? (
                <span>
                  {auditTargetWord(currentLocale(), l.targetType)}{' '}
                  {l.targetName ?? (l.targetId ? <span translate="no">{l.targetId.slice(0, 8)}…</span> : '')}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t('audit.region'),
            key: 'region',
            render: (_, l) => l.regionName ?? (l.regionPath ? t('audit.unknownRegion') : '—'),
          },
          { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
          {
            title: t('audit.userAgent'),
            dataIndex: 'userAgent',
            ellipsis: { showTitle: false },
            width: 240,
            render: (v: string | null) => (
              <span title={v ?? undefined} translate="no">
                {v ?? '—'}
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
