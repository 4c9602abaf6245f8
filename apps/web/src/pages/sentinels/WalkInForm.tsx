import { App, Button, Checkbox, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { SYMPTOMS } from '@fangkong/domain';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useRecordWalkIn, type WalkInBody } from '../../api/sentinels';
import { newId } from '../../offline';

type Values = Omit<WalkInBody, 'id' | 'sentinelId'>;

/** 预检分诊: a walk-in patient with fever or respiratory symptoms, sent to the township health centre's triage. */
export function WalkInForm({ sentinelId }: { sentinelId: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordWalkIn();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t('sentinels.required') }];
  const onFinish = (v: Values) =>
    sentinelId &&
    record.mutate(
      { ...v, phone: v.phone || undefined, symptoms: v.symptoms ?? [], id: newId(), sentinelId },
      {
        onSuccess: () => {
          void message.success(t('sentinels.walkInRecorded'));
          form.resetFields();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} disabled={!sentinelId} initialValues={{ symptoms: [] }}>
      <Form.Item name="idNumber" label={t('sentinels.idNumber')} rules={required}>
        <Input autoComplete="off" maxLength={18} />
      </Form.Item>
      <Form.Item name="name" label={t('sentinels.name')} rules={required}>
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item name="phone" label={t('sentinels.phone')}>
        <Input inputMode="tel" autoComplete="off" maxLength={11} />
      </Form.Item>
      <Form.Item name="temperature" label={t('sentinels.temperature')} rules={required}>
        <InputNumber min={34} max={43} step={0.1} inputMode="decimal" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="symptoms" label={t('sentinels.symptoms')} extra={t('sentinels.walkInNoSign')}>
        <Checkbox.Group options={SYMPTOMS.map((s) => ({ value: s, label: t(`keyPersons.symptomNames.${s}`) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={record.isPending}>
        {t('sentinels.submit')}
      </Button>
    </Form>
  );
}
