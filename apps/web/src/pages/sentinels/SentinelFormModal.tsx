import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SENTINEL_KINDS } from '@fangkong/domain';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useCreateSentinel, type Sentinel } from '../../api/sentinels';
import { newId } from '../../offline';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';

interface Values {
  regionId: string;
  kind: Sentinel['kind'];
  name: string;
  licenceNo?: string;
  contact?: string;
  phone?: string;
}

/** Registers a pharmacy or private clinic as a sentinel site. */
export function SentinelFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateSentinel();
  const onFinish = (v: Values) =>
    create.mutate(
      { ...v, phone: v.phone || undefined, id: newId() },
      {
        onSuccess: () => {
          form.resetFields();
          onClose();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t('sentinels.newSite')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'pharmacy' }}>
        <Form.Item
          name="regionId"
          label={t('sentinels.region')}
          rules={[{ required: true, message: t('sentinels.required') }]}
        >
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="kind" label={t('sentinels.kind')}>
          <Select options={SENTINEL_KINDS.map((k) => ({ value: k, label: t(`sentinels.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('sentinels.siteName')}
          rules={[{ required: true, message: t('sentinels.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="licenceNo" label={t('sentinels.licenceNo')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contact" label={t('sentinels.contact')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('sentinels.phone')}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
