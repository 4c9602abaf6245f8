import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { Role, User } from '../../api/types';
import { useUpdateUser, useUsers, type UserFilter } from '../../api/users';
import { ADMIN_ROLES, ALL_ROLES, hasRole, ROLE_GRANTERS } from '../../auth/roles';
import { useMe } from '../../auth/session';
import { formatDateTime, roleName } from '../../components/labels';
import { isLocked, UserStatusTag } from '../../components/UserStatusTag';
import { UserFormModal } from './UserFormModal';
import { AssignRoleModal } from './AssignRoleModal';
import { UserImportButton } from './UserImportButton';

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [filter, setFilter] = useState<UserFilter>({ page: 1, pageSize: 20 });
  const users = useUsers(filter);
  const update = useUpdateUser();
  const [modal, setModal] = useState<{ open: boolean; user?: User }>({ open: false });
  const [granting, setGranting] = useState<User | undefined>();
  const manages = hasRole(me.role, ADMIN_ROLES);
  const grants = hasRole(me.role, ROLE_GRANTERS);

  // disabled: false also clears a login lock on the server, so enable and unlock are the same call.
  const setDisabled = (user: User, disabled: boolean, done = disabled ? 'users.disabled' : 'users.enabled') =>
    update.mutate(
      { id: user.id, body: { disabled } },
      {
        onSuccess: () => void message.success(t(done, { name: user.displayName })),
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        {manages && (
          <Space>
            <UserImportButton />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ open: true })}>
              {t('common.create')}
            </Button>
          </Space>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('users.searchPlaceholder')}
          placeholder={t('users.searchPlaceholder')}
          allowClear
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
          style={{ width: 260 }}
        />
        <Select<Role>
          aria-label={t('users.role')}
          placeholder={t('users.roleFilter')}
          allowClear
          style={{ width: 180 }}
          value={filter.role}
          onChange={(role) => setFilter((f) => ({ ...f, role, page: 1 }))}
          options={ALL_ROLES.map((r) => ({ value: r, label: roleName(r) }))}
        />
      </Space>
      {users.isError && (
        <Alert type="error" showIcon message={errorMessage(users.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<User>
        aria-label={t('users.title')}
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { count }),
          onChange: (page, pageSize) =>
            setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
        }}
        columns={[
          { title: t('users.username'), dataIndex: 'username', render: (u: string) => <span translate="no">{u}</span> },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), dataIndex: 'role', render: (role: Role) => roleName(role) },
          { title: t('users.region'), dataIndex: 'regionName' },
          { title: t('users.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          { title: t('users.status'), key: 'status', render: (_, u) => <UserStatusTag user={u} /> },
          {
            title: t('users.lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (v: string | null) => (v ? formatDateTime(v) : t('users.never')),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, u) => (
              <Space size="small">
                {grants && u.id !== me.id && (
                  <Button type="link" size="small" onClick={() => setGranting(u)}>
                    {t('security.assignRole')}
                  </Button>
                )}
                {manages && (
                  <Button type="link" size="small" onClick={() => setModal({ open: true, user: u })}>
                    {t('common.edit')}
                  </Button>
                )}
                {manages && isLocked(u) && !u.disabled && (
                  <Popconfirm
                    title={t('users.unlockConfirm', { name: u.displayName })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => setDisabled(u, false, 'users.unlocked')}
                  >
                    <Button type="link" size="small">
                      {t('users.unlock')}
                    </Button>
                  </Popconfirm>
                )}
                {manages && u.id !== me.id && (
                  <Popconfirm
                    title={t(u.disabled ? 'users.enableConfirm' : 'users.disableConfirm', { name: u.displayName })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => setDisabled(u, !u.disabled)}
                  >
                    <Button type="link" size="small" danger={!u.disabled}>
                      {u.disabled ? t('users.enable') : t('users.disable')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <AssignRoleModal user={granting} onClose={() => setGranting(undefined)} />
      <UserFormModal open={modal.open} user={modal.user} onClose={() => setModal((m) => ({ ...m, open: false }))} />
    </>
  );
}
