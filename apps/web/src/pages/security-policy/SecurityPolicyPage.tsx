import { Alert, App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useSaveSecurityPolicy, useSecurityPolicy, type PasswordPolicy } from '../../api/security';

/** 密码策略: the security administrator sets the deployment's password rules (audited). */
export default function SecurityPolicyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const policy = useSecurityPolicy();
  const save = useSaveSecurityPolicy();
  const [form] = Form.useForm<PasswordPolicy>();
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  const field = (name: keyof PasswordPolicy, min: number, max: number) => (
    <Form.Item
      name={name}
      label={t(`security.${name}`)}
      rules={[{ required: true, message: t('users.required', { field: t(`security.${name}`) }) }]}
    >
      <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
    </Form.Item>
  );

  return (
    <>
      <Typography.Title level={3}>{t('security.policyTitle')}</Typography.Title>
      {policy.isError && (
        <Alert type="error" showIcon message={errorMessage(policy.error)} style={{ marginBottom: 16 }} />
      )}
      <Card style={{ maxWidth: 560 }} loading={policy.isPending}>
        <Form<PasswordPolicy>
          form={form}
          layout="vertical"
          disabled={save.isPending}
          onFinish={(values) =>
            save.mutate(values, {
              onSuccess: () => void message.success(t('security.policySaved')),
              onError: (err) => {
                if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
              },
            })
          }
        >
          {field('minLength', 8, 64)}
          {field('minClasses', 1, 4)}
          {field('maxAgeDays', 0, 3650)}
          {field('historyCount', 0, 24)}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
