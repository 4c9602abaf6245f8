import { App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useBindAccount, type Sentinel } from '../../api/sentinels';
import { useUsers } from '../../api/users';

/** Binds an account of the sentinel role to the site: it then records that site's sales only. */
export function BindAccountModal({ site, onClose }: { site: Sentinel; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ userId: string }>();
  const bind = useBindAccount(site.id);
  const users = useUsers({ role: 'sentinel', page: 1, pageSize: 100 });
  const onFinish = (v: { userId: string }) =>
    bind.mutate(v.userId, {
      onSuccess: () => onClose(),
      onError: (err) => {
        if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
      },
    });
  return (
    <Modal
      open
      title={`${t('sentinels.bind')} · ${site.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={bind.isPending}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="userId"
          label={t('sentinels.account')}
          rules={[{ required: true, message: t('sentinels.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={users.isLoading}
            options={(users.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
