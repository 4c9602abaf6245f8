import { KEY_PERSON_CATEGORIES } from '@fangkong/domain';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { usePolicy, useUpdatePolicy } from '../../api/fileOffice';
import type { ManagementPolicy } from '../../api/types';
import { hasRole } from '../../auth/roles';
import { useMe } from '../../auth/session';

/** Who may change the county's rules (keyPersons.policy); the server also requires a county-level scope. */
const POLICY_ROLES = ['admin', 'commander'] as const;

/** 管控规则: days per category, officers required per category, the check windows and the deadlines of the county. */
export default function PolicyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const policy = usePolicy();
  const update = useUpdatePolicy();
  const [form] = Form.useForm<ManagementPolicy>();
  if (policy.isError) return <Alert type="error" showIcon message={errorMessage(policy.error)} />;
  if (!policy.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const editable = hasRole(me.role, POLICY_ROLES) && me.regionLevel === 'county';
  const slot = (s: 'am' | 'pm', edge: 'opens' | 'closes') => (
    <Form.Item name={['slotWindows', s, edge]} noStyle rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/ }]}><Input style={{ width: 80 }} disabled={!editable} /></Form.Item>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('policy.title')}</Typography.Title>
      {!editable && <Alert type="info" showIcon message={t('policy.readOnly')} />}
      <Form form={form} layout="vertical" initialValues={policy.data} disabled={!editable}
        onFinish={(v) => update.mutate(v, { onSuccess: () => void message.success(t('keyPersons.saved')), onError: (err) => { if (!applyFieldErrors(form, err)) void message.error(errorMessage(err)); } })}>
        <Card size="small" title={t('policy.byCategory')}>
          <Table size="small" rowKey="c" pagination={false} dataSource={KEY_PERSON_CATEGORIES.map((c) => ({ c }))}
            columns={[
              { title: t('keyPersons.category'), dataIndex: 'c', render: (c: string) => t(`keyPersons.categories.${c}`) },
              { title: t('policy.measureDays'), key: 'd', render: (_, r) => <Form.Item name={['measureDays', r.c]} noStyle rules={[{ required: true }]}><InputNumber min={1} max={90} addonAfter={t('policy.days')} /></Form.Item> },
              { title: t('policy.requiredOfficers'), key: 'o', render: (_, r) => <Form.Item name={['requiredOfficers', r.c]} noStyle rules={[{ required: true }]}><InputNumber min={0} max={10} addonAfter={t('policy.persons')} /></Form.Item> },
            ]} />
        </Card>
        <Card size="small" title={t('policy.windows')} style={{ marginTop: 16 }}>
          <Space direction="vertical">
            <Space>{t('keyPersons.am')} {slot('am', 'opens')} – {slot('am', 'closes')}</Space>
            <Space>{t('keyPersons.pm')} {slot('pm', 'opens')} – {slot('pm', 'closes')}</Space>
          </Space>
        </Card>
        <Card size="small" title={t('policy.deadlines')} style={{ marginTop: 16 }}>
          <Space wrap size="large">
            <Form.Item name="leadDeadlineHours" label={t('policy.leadDeadline')} rules={[{ required: true }]}><InputNumber min={1} max={72} addonAfter={t('policy.hours')} /></Form.Item>
            <Form.Item name="triageDeadlineHours" label={t('policy.triageDeadline')} rules={[{ required: true }]}><InputNumber min={1} max={24} addonAfter={t('policy.hours')} /></Form.Item>
          </Space>
        </Card>
        {editable && <Button type="primary" htmlType="submit" loading={update.isPending} style={{ marginTop: 16 }}>{t('common.save')}</Button>}
      </Form>
    </Space>
  );
}
