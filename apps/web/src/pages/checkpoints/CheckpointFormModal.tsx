import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateCheckpoint } from '../../api/checkpoints';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { newId } from '../../offline';
import type { CreateCheckpointBody } from '../../api/types';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';

const KINDS = ['roadJunction', 'highwayExit', 'busStation', 'trainStation', 'marketEntrance', 'other'] as const;
const FACILITIES = ['tent', 'thermometer', 'observationRoom'] as const;

/** Sets up a checkpoint in a township or village. */
export function CheckpointFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateCheckpointBody>();
  const create = useCreateCheckpoint();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const onFinish = (v: CreateCheckpointBody) =>
    create.mutate(
      { ...v, id: newId() },
      {
        onSuccess: () => onClose(),
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t('checkpoints.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: 'roadJunction', facilities: ['tent', 'thermometer'] }}
      >
        <Form.Item name="regionId" label={t('checkpoints.region')} rules={[{ required: true }]}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="name" label={t('checkpoints.name')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('checkpoints.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`checkpoints.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="location" label={t('checkpoints.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="facilities" label={t('checkpoints.facilities')}>
          <Checkbox.Group options={FACILITIES.map((f) => ({ value: f, label: t(`checkpoints.facility.${f}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
