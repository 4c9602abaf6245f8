import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, applyFieldErrors, errorMessage } from '../../api/client';
import { useWaiting, type Finding } from '../../api/supervision';

/** 缺物资: the finding waits on a store at, above or below its region (the county's supplies group …). */
export default function WaitingModal({ finding, onClose }: { finding: Finding; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ storeId: string; note?: string }>();
  const waiting = useWaiting();
  const stores = useQuery({
    queryKey: ['supervision', 'findingStores', finding.id],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string }[] }>(
        `/api/v1/findings/${finding.id}/supply-stores`,
        undefined,
        signal,
      ),
  });
  return (
    <Modal
      open
      title={`${t('supervision.waitOnSupply')} · ${finding.description}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={waiting.isPending}
      okText={t('supervision.waitOnSupply')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          waiting.mutate(
            { id: finding.id, body: { action: 'wait', storeId: v.storeId, note: v.note || undefined } },
            {
              onSuccess: () => {
                void message.success(t('supervision.saved'));
                onClose();
              },
              onError: (err) => {
                if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
              },
            },
          )
        }
      >
        <Form.Item name="storeId" label={t('supervision.store')} rules={[{ required: true }]}>
          <Select
            aria-label={t('supervision.store')}
            loading={stores.isLoading}
            options={(stores.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('supervision.waitingNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
