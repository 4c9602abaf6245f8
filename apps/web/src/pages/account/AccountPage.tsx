import { Alert, App, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { usePasswordRules } from '../../api/security';
import { LAST_LOGIN_KEY, useChangePassword, useMe } from '../../auth/session';
import { formatDateTime, roleName } from '../../components/labels';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function lastLogin(): { at: string; ip: string | null } | null {
  try {
    return JSON.parse(sessionStorage.getItem(LAST_LOGIN_KEY) ?? 'null') as { at: string; ip: string | null } | null;
  } catch {
    return null;
  }
}

/** 账号安全: one's last login, and changing one's own password (forced after an initial, reset or expired one). */
export default function AccountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const rules = usePasswordRules();
  const change = useChangePassword();
  const [form] = Form.useForm<PasswordForm>();
  const last = lastLogin();

  const onFinish = (values: PasswordForm) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('security.changed'));
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );

  return (
    <>
      <Typography.Title level={3}>{t('security.accountTitle')}</Typography.Title>
      {me.passwordChange && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={t(me.passwordChange === 'expired' ? 'security.mustChangeExpired' : 'security.mustChangeInitial')}
        />
      )}
      <Descriptions size="small" column={1} style={{ marginBottom: 16, maxWidth: 560 }}>
        <Descriptions.Item label={t('users.username')}>
          <span translate="no">{me.username}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('users.role')}>{roleName(me.role)}</Descriptions.Item>
        <Descriptions.Item label={t('users.lastLogin')}>
          {last
            ? t('security.lastLogin', { time: formatDateTime(last.at), ip: last.ip ?? t('security.lastLoginUnknown') })
            : t('security.firstLogin')}
        </Descriptions.Item>
      </Descriptions>
      <Card title={t('security.changePassword')} style={{ maxWidth: 560 }}>
        {rules.data && (
          <Typography.Paragraph type="secondary">
            {t('security.rules', {
              minLength: rules.data.minLength,
              minClasses: rules.data.minClasses,
              history: rules.data.historyCount,
            })}
          </Typography.Paragraph>
        )}
        <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} disabled={change.isPending}>
          <Form.Item
            name="currentPassword"
            label={t('security.currentPassword')}
            rules={[{ required: true, message: t('users.required', { field: t('security.currentPassword') }) }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('security.newPassword')}
            rules={[{ required: true, message: t('users.required', { field: t('security.newPassword') }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('security.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('users.required', { field: t('security.confirmPassword') }) },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('security.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('security.changePassword')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
