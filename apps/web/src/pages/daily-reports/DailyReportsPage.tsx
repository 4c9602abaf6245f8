import { rolesWith, shanghaiDateOf } from '@fangkong/domain';
import { DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { ReportForm } from './ReportForm';
import { ReportStatusTable } from './ReportStatusTable';
import { RatesTable } from './RatesTable';

const REPORTING_LEVELS = new Set(['village', 'township']);
const SUBMITTING_ROLES = new Set<string>(rolesWith('dailyReports.submit'));
// Report days are days in Asia/Shanghai, whatever the browser's own zone.
const chinaToday = () => dayjs(shanghaiDateOf(new Date()));

/** 日报告: the reporter's own report for the day, and the status of the regions below. */
export default function DailyReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [day, setDay] = useState(chinaToday());
  const reportDate = day.format('YYYY-MM-DD');
  const reports = REPORTING_LEVELS.has(me.regionLevel) && SUBMITTING_ROLES.has(me.role);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dailyReports.title')}
        </Typography.Title>
        <DatePicker
          value={day}
          onChange={(d) => d && setDay(d)}
          allowClear={false}
          disabledDate={(d) => d.isAfter(chinaToday(), 'day')}
          aria-label={t('dailyReports.day')}
        />
      </Space>
      {reports && <ReportForm regionId={me.regionId} reportDate={reportDate} />}
      {me.regionLevel !== 'village' && me.regionLevel !== 'group' && (
        <ReportStatusTable regionId={me.regionId} reportDate={reportDate} />
      )}
      {me.regionLevel !== 'village' && me.regionLevel !== 'group' && <RatesTable regionId={me.regionId} />}
    </Space>
  );
}
