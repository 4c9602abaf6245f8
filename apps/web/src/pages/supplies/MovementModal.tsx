import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useRecordMovement, type MovementBody, type StockLine, type SupplyStore } from '../../api/supplies';
import { newId } from '../../offline';
import { useItemName } from './itemName';

const KINDS = ['receipt', 'issue', 'transfer', 'count'] as const;

/** Records a receipt, an issue, a transfer to another store or a count (盘点, with its reason). */
export function MovementModal({
  storeId,
  itemId,
  lines,
  stores,
  onClose,
}: {
  storeId: string;
  itemId?: string;
  lines: StockLine[];
  stores: SupplyStore[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const itemName = useItemName();
  const [form] = Form.useForm<Omit<MovementBody, 'id'>>();
  const kind = Form.useWatch('kind', form);
  const record = useRecordMovement(storeId);
  const onFinish = (v: Omit<MovementBody, 'id'>) =>
    record.mutate(
      { ...v, id: newId() },
      {
        onSuccess: () => {
          void message.success(t('supplies.recorded'));
          onClose();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  return (
    <Modal
      open
      title={t('supplies.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      destroyOnHidden
      okText={t('common.save')}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'issue', itemId }}>
        <Form.Item name="kind" label={t('supplies.kind')}>
          <Radio.Group
            optionType="button"
            options={KINDS.map((k) => ({ value: k, label: t(`supplies.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="itemId" label={t('supplies.item')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={lines.map((l) => ({
              value: l.itemId,
              label: `${itemName(l)}（${t('supplies.stock')} ${l.stock}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={kind === 'count' ? t('supplies.counted') : t('supplies.quantity')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
        {kind === 'transfer' ? (
          <Form.Item name="toStoreId" label={t('supplies.toStore')} rules={[{ required: true }]}>
            <Select options={stores.map((s) => ({ value: s.id, label: `${s.name}（${s.regionName}）` }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label={t('supplies.reason')} rules={kind === 'count' ? [{ required: true }] : []}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
