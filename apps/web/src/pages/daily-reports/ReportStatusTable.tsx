import { shanghaiDateTimeOf } from '@fangkong/domain';
import { Button, Card, Progress, Space, Table, Tag, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useRemind, useReportStatus } from '../../api/dailyReports';
import { errorMessage } from '../../api/client';
import type { DailyReportStatus } from '../../api/types';
import { useMe } from '../../auth/session';
import { REMIND_ROLES } from '../../auth/roles';

type Reporter = DailyReportStatus['reporters'][number];
const STATUS_COLOR = { onTime: 'green', late: 'orange', missing: 'red' } as const;

function Rate({ label, value, total }: { label: string; value: number; total: number }) {
  return (
    <Space direction="vertical" size={0} style={{ minWidth: 160 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Progress
        aria-label={label}
        percent={total ? Math.round((value / total) * 100) : 0}
        format={() => `${value}/${total}`}
      />
    </Space>
  );
}

/** One level up: who submitted on time, who late, who is missing, and the rates below. */
export function ReportStatusTable({ regionId, reportDate }: { regionId: string; reportDate: string }) {
  const { t } = useTranslation();
  const status = useReportStatus(regionId, reportDate);
  const remind = useRemind();
  const canRemind = REMIND_ROLES.includes(useMe().role);
  const rates = status.data?.rates;
  const missing = (status.data?.reporters ?? []).filter((r) => r.status === 'missing' && r.regionId !== regionId);
  const send = async (regionIds?: string[]) => {
    try {
      const result = await remind.mutateAsync({ reportDate, regionIds });
      message.success(t('dailyReports.reminded', { count: result.reminded.length, skipped: result.skipped.length }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card
      title={t('dailyReports.statusTitle', { deadline: status.data?.deadline ?? '18:00' })}
      loading={status.isLoading}
      extra={
        canRemind &&
        missing.length > 0 && (
          <Button danger loading={remind.isPending} onClick={() => void send()}>
            {t('dailyReports.remindAll', { count: missing.length })}
          </Button>
        )
      }
    >
      {rates && (
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          <Rate
            label={t('dailyReports.villageCompleteness')}
            value={rates.village.submitted}
            total={rates.village.expected}
          />
          <Rate
            label={t('dailyReports.villageTimeliness')}
            value={rates.village.onTime}
            total={rates.village.expected}
          />
          <Rate
            label={t('dailyReports.townshipCompleteness')}
            value={rates.township.submitted}
            total={rates.township.expected}
          />
        </Space>
      )}
      <Table<Reporter>
        rowKey="regionId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={status.data?.reporters ?? []}
        columns={[
          { title: t('dailyReports.region'), dataIndex: 'name' },
          {
            title: t('dailyReports.status'),
            dataIndex: 'status',
            render: (s: Reporter['status']) => <Tag color={STATUS_COLOR[s]}>{t(`dailyReports.${s}`)}</Tag>,
          },
          {
            title: t('dailyReports.zero'),
            dataIndex: 'isZero',
            render: (z: boolean | null) => (z ? t('dailyReports.zero') : ''),
          },
          {
            title: t('dailyReports.time'),
            dataIndex: 'submittedAt',
            render: (at: string | null) => (at ? shanghaiDateTimeOf(at, { seconds: true }).slice(11) : ''),
          },
          {
            title: t('dailyReports.reminders'),
            dataIndex: 'reminders',
            render: (n: number, r) =>
              n
                ? t('dailyReports.remindCount', { count: n, time: new Date(r.lastRemindedAt!).toLocaleTimeString() })
                : '',
          },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.reportId ? (
                <Link to={`/daily-reports/${r.reportId}/print`}>{t('dailyReports.view')}</Link>
              ) : canRemind && r.regionId !== regionId ? (
                <Button size="small" onClick={() => void send([r.regionId])}>
                  {t('dailyReports.remind')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
