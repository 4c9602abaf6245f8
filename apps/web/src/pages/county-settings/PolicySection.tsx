import { KEY_PERSON_CATEGORIES } from '@fangkong/domain';
import { App, Button, Card, Form, Input, InputNumber, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useUpdateCountySettings } from '../../api/countySettings';
import type { CountySettings, PolicySettings } from '../../api/types';
import { changedValues } from './changed';
import { SourceNote } from './SourceNote';

/** 管控规则: days per category, officers required per category, the check windows and the deadlines. */
export function PolicySection({
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
  const update = useUpdateCountySettings('policy', regionId);
  const [form] = Form.useForm<PolicySettings>();
  const { values, source } = settings.policy;
  const note = (key: string) => <SourceNote source={source[key]} here={settings.region.id} />;
  // Each input names itself (上午 开始 …): a screen reader reads no column or row header here.
  const slot = (s: 'am' | 'pm', edge: 'opens' | 'closes') => (
    <Form.Item
      name={['slotWindows', s, edge]}
      noStyle
      rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/ }]}
    >
      <Input
        style={{ width: 80 }}
        disabled={!editable}
        aria-label={`${t(`keyPersons.${s}`)} ${t(`controls.${edge}`)}`}
      />
    </Form.Item>
  );
  const category = (c: string) => t(`keyPersons.categories.${c}`);
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
      <Card size="small" title={t('policy.byCategory')}>
        <Table
          size="small"
          rowKey="c"
          pagination={false}
          dataSource={KEY_PERSON_CATEGORIES.map((c) => ({ c }))}
          columns={[
            { title: t('keyPersons.category'), dataIndex: 'c', render: category },
            {
              title: t('policy.measureDays'),
              key: 'd',
              render: (_, r) => (
                <Space>
                  <Form.Item name={['measureDays', r.c]} noStyle rules={[{ required: true }]}>
                    <InputNumber
                      min={1}
                      max={90}
                      addonAfter={t('policy.days')}
                      aria-label={`${category(r.c)} ${t('policy.measureDays')}`}
                    />
                  </Form.Item>
                  {note(`measureDays.${r.c}`)}
                </Space>
              ),
            },
            {
              title: t('policy.requiredOfficers'),
              key: 'o',
              render: (_, r) => (
                <Space>
                  <Form.Item name={['requiredOfficers', r.c]} noStyle rules={[{ required: true }]}>
                    <InputNumber
                      min={0}
                      max={10}
                      addonAfter={t('policy.persons')}
                      aria-label={`${category(r.c)} ${t('policy.requiredOfficers')}`}
                    />
                  </Form.Item>
                  {note(`requiredOfficers.${r.c}`)}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('policy.windows')} style={{ marginTop: 16 }} extra={note('slotWindows')}>
        <Space direction="vertical">
          <Space>
            {t('keyPersons.am')} {slot('am', 'opens')} – {slot('am', 'closes')}
          </Space>
          <Space>
            {t('keyPersons.pm')} {slot('pm', 'opens')} – {slot('pm', 'closes')}
          </Space>
        </Space>
      </Card>
      <Card size="small" title={t('policy.deadlines')} style={{ marginTop: 16 }}>
        <Space wrap size="large">
          <Form.Item
            name="leadDeadlineHours"
            label={t('policy.leadDeadline')}
            extra={note('leadDeadlineHours')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={72} addonAfter={t('policy.hours')} />
          </Form.Item>
          <Form.Item
            name="triageDeadlineHours"
            label={t('policy.triageDeadline')}
            extra={note('triageDeadlineHours')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={24} addonAfter={t('policy.hours')} />
          </Form.Item>
          <Form.Item
            name="sentinelLeadHours"
            label={t('policy.sentinelLeadDeadline')}
            extra={note('sentinelLeadHours')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={168} addonAfter={t('policy.hours')} />
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
