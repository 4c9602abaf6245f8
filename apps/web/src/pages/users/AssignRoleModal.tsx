import { Alert, App, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useAssignRole } from '../../api/security';
import type { Role, User } from '../../api/types';
import { ALL_ROLES } from '../../auth/roles';
import { roleName } from '../../components/labels';

/** The security administrator grants a user their one role (三员分立: the system administrator cannot). */
export function AssignRoleModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const assign = useAssignRole();
  const [role, setRole] = useState<Role | undefined>(user?.role);
  useEffect(() => setRole(user?.role), [user]);

  const onOk = () => {
    if (!user || !role) return;
    assign.mutate(
      { id: user.id, role },
      {
        onSuccess: () => {
          void message.success(t('security.roleAssigned', { name: user.displayName, role: roleName(role) }));
          onClose();
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  };

  return (
    <Modal
      open={user !== undefined}
      title={`${t('security.assignRole')}：${user?.displayName ?? ''}`}
      onOk={onOk}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
    >
      <Typography.Paragraph type="secondary">{t('security.roleHint')}</Typography.Paragraph>
      <Select<Role>
        aria-label={t('users.role')}
        style={{ width: '100%' }}
        value={role}
        onChange={setRole}
        options={ALL_ROLES.map((r) => ({ value: r, label: roleName(r) }))}
      />
      {assign.isError && <Alert type="error" showIcon message={errorMessage(assign.error)} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
