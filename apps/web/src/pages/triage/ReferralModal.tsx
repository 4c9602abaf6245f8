import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useReferWalkIn } from '../../api/sentinels';
import type { TriageTask } from '../../api/types';

/** 转诊发热门诊: where a clinic's walk-in patient was sent, and when the transfer left. */
export function ReferralModal({ task, onClose }: { task: TriageTask; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ referredTo: string; transferredAt: Dayjs }>();
  const refer = useReferWalkIn();
  const onFinish = (v: { referredTo: string; transferredAt: Dayjs }) =>
    refer.mutate(
      { id: task.walkInId!, referredTo: v.referredTo, transferredAt: v.transferredAt.toISOString() },
      {
        onSuccess: () => onClose(),
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  return (
    <Modal
      open
      title={t('triageTasks.referTitle', { name: task.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={refer.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ referredTo: task.referredTo ?? '', transferredAt: dayjs() }}
      >
        <Form.Item
          name="referredTo"
          label={t('triageTasks.referredTo')}
          rules={[{ required: true, message: t('sentinels.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="transferredAt"
          label={t('triageTasks.transferredAt')}
          rules={[{ required: true, message: t('sentinels.required') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
