import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router-dom';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useLogin, useMeQuery } from '../../auth/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { formatDateTime } from '../../components/labels';

interface LoginForm {
  username: string;
  password: string;
}

/** Where to go after login: the page the guard sent us away from, else home. */
function targetOf(state: unknown): string {
  const from = (state as { from?: Location } | null)?.from;
  if (!from || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search}${from.hash}`;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMeQuery();
  const login = useLogin();
  const { notification } = App.useApp();
  const target = targetOf(location.state);

  if (me.data) return <Navigate to={target} replace />;

  const onFinish = (values: LoginForm) => {
    login.mutate(values, {
      onSuccess: (session) => {
        // 等保: the user sees when and from where their account was last used, to notice a stranger's login.
        const last = session.lastLogin;
        notification.info({
          message: last
            ? t('security.lastLogin', { time: formatDateTime(last.at), ip: last.ip ?? t('security.lastLoginUnknown') })
            : t('security.firstLogin'),
          placement: 'topRight',
        });
        void navigate(target, { replace: true });
      },
      onError: (err) => applyFieldErrors(form, err),
    });
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: '#f0f2f5',
      }}
    >
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('app.fullName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Paragraph>
        {login.isError && (
          <Alert type="error" showIcon role="alert" message={errorMessage(login.error)} style={{ marginBottom: 16 }} />
        )}
        <Form<LoginForm>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          disabled={login.isPending}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
