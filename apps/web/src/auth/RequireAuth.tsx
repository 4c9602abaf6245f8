import { Button, Spin } from 'antd';
import { LazyResult as Result } from '../components/LazyResult';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '../api/client';
import type { Role } from '../api/types';
import { hasRole } from './roles';
import { useMeQuery } from './session';

/** Sends signed-out visitors to /login, remembering where they were heading. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMeQuery();

  if (me.isPending) {
    return <Spin fullscreen tip={t('app.loading')} />;
  }
  if (me.isError) {
    return (
      <Result
        status="error"
        title={errorMessage(me.error)}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: location }} />;
  }
  // An initial, reset or expired password is changed before anything else (the server refuses the rest).
  if (me.data.passwordChange && location.pathname !== '/account') {
    return <Navigate to="/account" replace />;
  }
  return <>{children}</>;
}

/** Shows a "forbidden" page unless the signed-in user has one of the roles. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMeQuery();
  if (!hasRole(me.data?.role, roles)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('common.forbidden')}
        extra={<Link to="/">{t('common.backHome')}</Link>}
      />
    );
  }
  return <>{children}</>;
}
