import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useCreateStore } from '../../api/supplies';
import { newId } from '../../offline';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';

/** Sets up a store at the county, a township or a village. */
export function StoreFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ regionId: string; name: string }>();
  const create = useCreateStore();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const onFinish = (v: { regionId: string; name: string }) =>
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
      title={t('supplies.newStore')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="regionId" label={t('supplies.region')} rules={[{ required: true }]}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="name" label={t('supplies.storeName')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
