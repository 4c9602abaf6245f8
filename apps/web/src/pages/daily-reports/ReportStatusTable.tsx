import { Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useReportStatus } from '../../api/dailyReports';
import type { DailyReportStatus } from '../../api/types';

type Reporter = DailyReportStatus['reporters'][number];
const STATUS_COLOR = { onTime: 'green', late: 'orange', missing: 'red' } as const;

function Rate({ label, value, total }: { label: string; value: number; total: number }) {
  return (
    <Space direction="vertical" size={0} style={{ minWidth: 160 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Progress percent={total ? Math.round((value / total) * 100) : 0} format={() => `${value}/${total}`} />
    </Space>
  );
}

/** One level up: who submitted on time, who late, who is missing, and the rates below. */
export function ReportStatusTable({ regionId, reportDate }: { regionId: string; reportDate: string }) {
  const { t } = useTranslation();
  const status = useReportStatus(regionId, reportDate);
  const rates = status.data?.rates;
  return (
    <Card title={t('dailyReports.statusTitle', { deadline: status.data?.deadline ?? '18:00' })} loading={status.isLoading}>
      {rates && (
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          <Rate label={t('dailyReports.villageCompleteness')} value={rates.village.submitted} total={rates.village.expected} />
          <Rate label={t('dailyReports.villageTimeliness')} value={rates.village.onTime} total={rates.village.expected} />
          <Rate label={t('dailyReports.townshipCompleteness')} value={rates.township.submitted} total={rates.township.expected} />
        </Space>
      )}
      <Table<Reporter>
        rowKey="regionId"
        size="small"
        pagination={false}
        dataSource={status.data?.reporters ?? []}
        columns={[
          { title: t('dailyReports.region'), dataIndex: 'name' },
          { title: t('dailyReports.status'), dataIndex: 'status', render: (s: Reporter['status']) => <Tag color={STATUS_COLOR[s]}>{t(`dailyReports.${s}`)}</Tag> },
          { title: t('dailyReports.zero'), dataIndex: 'isZero', render: (z: boolean | null) => (z ? t('dailyReports.zero') : '') },
          { title: t('dailyReports.time'), dataIndex: 'submittedAt', render: (at: string | null) => (at ? new Date(at).toLocaleTimeString() : '') },
          { title: t('common.actions'), render: (_, r) => (r.reportId ? <Link to={`/daily-reports/${r.reportId}/print`}>{t('dailyReports.view')}</Link> : null) },
        ]}
      />
    </Card>
  );
}
