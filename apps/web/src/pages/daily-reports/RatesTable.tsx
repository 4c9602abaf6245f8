import { Card, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportRates } from '../../api/dailyReports';
import type { DailyReportRates } from '../../api/types';

type Period = 'day' | 'week' | 'month';
type Row = DailyReportRates['rows'][number];

/** 报送率/及时率 per level and per day, week or month: expected, actual and on-time reports (as DHIS2 counts them). */
export function RatesTable({ regionId }: { regionId: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>('day');
  const rates = useReportRates(regionId, period);
  return (
    <Card
      title={t('dailyReports.rates.title')}
      extra={
        <Segmented
          value={period}
          onChange={(v) => setPeriod(v as Period)}
          options={(['day', 'week', 'month'] as const).map((p) => ({ value: p, label: t(`dailyReports.rates.${p}`) }))}
        />
      }
    >
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.period}/${r.level}`}
        loading={rates.isFetching}
        dataSource={[...(rates.data?.rows ?? [])].reverse()}
        pagination={{ pageSize: 14 }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('dailyReports.rates.period'), dataIndex: 'period' },
          {
            title: t('dailyReports.rates.level'),
            dataIndex: 'level',
            render: (l: string) => t(`dailyReports.rates.${l}`),
          },
          { title: t('dailyReports.rates.expected'), dataIndex: 'expected', align: 'right' },
          { title: t('dailyReports.rates.actual'), dataIndex: 'actual', align: 'right' },
          { title: t('dailyReports.rates.onTime'), dataIndex: 'onTime', align: 'right' },
          {
            title: t('dailyReports.rates.completeness'),
            dataIndex: 'completeness',
            align: 'right',
            render: (v: number) => `${v}%`,
          },
          {
            title: t('dailyReports.rates.timeliness'),
            dataIndex: 'timeliness',
            align: 'right',
            render: (v: number) => `${v}%`,
          },
        ]}
      />
    </Card>
  );
}
