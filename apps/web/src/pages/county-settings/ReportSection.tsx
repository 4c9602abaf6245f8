import { App, Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useUpdateCountySettings } from '../../api/countySettings';
import type { CountySettings, ReportSettings } from '../../api/types';
import { changedValues } from './changed';
import { SourceNote } from './SourceNote';

/** 日报设置: the daily cut-off (截止时间), the correction window and the system's reminder before the cut-off. */
export function ReportSection({
  settings,
  regionId,
  editable,
}: {
  settings: CountySettings;
  regionId?: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateCountySettings('report', regionId);
  const [form] = Form.useForm<ReportSettings>();
  const { values, source } = settings.report;
  const note = (key: string) => <SourceNote source={source[key]} here={settings.region.id} />;
  return (
    <Form
      key={settings.region.id}
      form={form}
      layout="vertical"
      initialValues={values}
      disabled={!editable}
      onFinish={(v) =>
        update.mutate(changedValues(v, values), {
          onSuccess: () => void message.success(t('keyPersons.saved')),
          onError: (err) => {
            if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
          },
        })
      }
    >
      <Card size="small" title={t('countySettings.report')}>
        <Space wrap size="large" align="start">
          <Form.Item
            name="deadline"
            label={t('countySettings.deadline')}
            extra={note('deadline')}
            rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('countySettings.timeFormat') }]}
          >
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item
            name="correctionWindowHours"
            label={t('countySettings.correctionWindow')}
            extra={note('correctionWindowHours')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={168} addonAfter={t('policy.hours')} />
          </Form.Item>
          <Form.Item
            name="reminderMinutesBefore"
            label={t('countySettings.reminderBefore')}
            extra={note('reminderMinutesBefore')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={720} addonAfter={t('countySettings.minutes')} />
          </Form.Item>
        </Space>
      </Card>
      {editable && (
        <Button type="primary" htmlType="submit" loading={update.isPending} style={{ marginTop: 16 }}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
