import { formatDuration, minutesUntil, reportDayWindow } from '@fangkong/domain';
import { Alert, Button, Card, Form, Input, Space, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { reportDocumentUrl, useReportPreview, useReportReminders, useSubmitReport } from '../../api/dailyReports';
import { newId } from '../../offline';
import { serverNow } from '../../api/server-clock';
import { currentLocale } from '../../i18n';
import { FigureTable } from './FigureTable';

interface Values {
  remarks?: string;
  problems?: string;
  suggestions?: string;
  correctionReason?: string;
}

/** How late a report of `day` due at `deadline` (Shanghai 'HH:MM') is by the server's clock, or null if not yet due. */
function lateBy(day: string, deadline: string): string | null {
  // The domain's rule for the day's cut-off, read on the server's clock (a phone's may be hours off).
  const minutes = -minutesUntil(reportDayWindow(day, deadline).cutoff, serverNow());
  if (minutes <= 0) return null;
  return formatDuration(minutes, currentLocale());
}

/** The reporter's own report for the day: figures written by the system, text added by hand. */
export function ReportForm({ regionId, reportDate }: { regionId: string; reportDate: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const preview = useReportPreview(regionId, reportDate);
  const submit = useSubmitReport();
  const submitted = preview.data?.submitted;
  const reminders = useReportReminders(regionId, reportDate, preview.isSuccess && !submitted);
  const latestReminder = submitted ? undefined : reminders.data?.items.find((r) => r.regionId === regionId);

  const send = async (isZero: boolean) => {
    const values = await form.validateFields();
    try {
      await submit.mutateAsync({ id: newId(), regionId, reportDate, isZero, ...values });
      message.success(isZero ? t('dailyReports.zeroDone') : t('dailyReports.submitted'));
      form.resetFields(['correctionReason']);
    } catch (e) {
      if (!applyFieldErrors(form, e)) message.error(errorMessage(e));
    }
  };

  return (
    <Card title={t('dailyReports.ownReport', { region: preview.data?.regionName ?? '' })} loading={preview.isLoading}>
      {preview.data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph className="fk-report-text">{preview.data.text.join('\n')}</Typography.Paragraph>
          <FigureTable
            figures={preview.data.live}
            drillDown={preview.data.drillDown}
            villageSum={preview.data.villageSum}
          />
          {submitted ? (
            <Alert
              type={submitted.late ? 'warning' : 'success'}
              message={t('dailyReports.submittedAt', {
                version: submitted.version,
                time: new Date(submitted.submittedAt).toLocaleString(),
                name: submitted.submittedByName,
              })}
              action={
                <Space wrap>
                  <Link to={`/daily-reports/${submitted.id}/print`}>{t('dailyReports.print')}</Link>
                  <a href={reportDocumentUrl(submitted.id, 'docx')}>Word</a>
                  <a href={reportDocumentUrl(submitted.id, 'xlsx')}>Excel</a>
                </Space>
              }
            />
          ) : latestReminder ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              message={t('dailyReports.remindedBy', {
                name: latestReminder.sentByName ?? t('dailyReports.system'),
                time: new Date(latestReminder.sentAt).toLocaleTimeString(),
                deadline: preview.data.deadline,
              })}
              description={latestReminder.message}
            />
          ) : lateBy(preview.data.reportDate, preview.data.deadline) !== null ? (
            // Past the deadline the page says so, rather than still asking to report "before 18:00".
            <Alert
              type="warning"
              showIcon
              message={t('fieldNotes.reportLate', {
                time: preview.data.deadline,
                late: lateBy(preview.data.reportDate, preview.data.deadline),
              })}
            />
          ) : (
            <Alert type="info" message={t('dailyReports.due', { time: preview.data.deadline })} />
          )}
          <Form form={form} layout="vertical" requiredMark={false}>
            <Form.Item name="remarks" label={t('dailyReports.remarks')}>
              <Input.TextArea rows={2} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item name="problems" label={t('dailyReports.problems')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item name="suggestions" label={t('dailyReports.suggestions')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            {submitted && (
              <Form.Item
                name="correctionReason"
                label={t('dailyReports.correctionReason')}
                rules={[{ required: true, message: t('dailyReports.correctionReasonRequired') }]}
              >
                <Input maxLength={500} />
              </Form.Item>
            )}
            <Space wrap>
              <Button type="primary" size="large" loading={submit.isPending} onClick={() => void send(false)}>
                {submitted ? t('dailyReports.correct') : t('dailyReports.submit')}
              </Button>
              {!submitted && (
                <Button size="large" loading={submit.isPending} onClick={() => void send(true)}>
                  {t('dailyReports.zeroReport')}
                </Button>
              )}
            </Space>
          </Form>
        </Space>
      )}
    </Card>
  );
}
