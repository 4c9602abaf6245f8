import { SYMPTOMS } from '@fangkong/domain';
import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useCorrectCheck } from '../../api/keyPersons';
import type { KeyPersonDetail } from '../../api/types';

type Check = KeyPersonDetail['checks'][number];

/** 更正体温: a new value with a reason; the check as first recorded stays on record. */
export function CorrectCheckModal({ check, name, onClose }: { check: Check; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ temperature: string; symptoms: string[]; reason: string }>();
  const correct = useCorrectCheck();
  const required = (field: string) => [{ required: true, message: t('users.required', { field }) }];
  return (
    <Modal
      open
      title={t('lifecycle.correctTitle', { name, day: check.day, slot: t(`keyPersons.${check.slot}`) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={correct.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ temperature: String(check.temperature), symptoms: check.symptoms }}
        onFinish={(v) =>
          correct.mutate(
            {
              checkId: check.correctsId ?? check.id,
              temperature: v.temperature,
              symptoms: v.symptoms,
              reason: v.reason,
            },
            {
              onSuccess: () => {
                void message.success(t('keyPersons.saved'));
                onClose();
              },
              onError: (err) => {
                if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
              },
            },
          )
        }
      >
        <Form.Item name="temperature" label={t('keyPersons.temperature')} rules={required(t('keyPersons.temperature'))}>
          <Input inputMode="decimal" autoFocus />
        </Form.Item>
        <Form.Item name="symptoms" label={t('keyPersons.symptoms')}>
          <Checkbox.Group options={SYMPTOMS.map((s) => ({ value: s, label: t(`keyPersons.symptomNames.${s}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('lifecycle.correctReason')} rules={required(t('lifecycle.correctReason'))}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
