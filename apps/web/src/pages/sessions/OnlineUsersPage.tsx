import { App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useEndSession, useOnlineSessions, type OnlineSession, type SessionFilter } from '../../api/security';
import { formatDateTime, roleName } from '../../components/labels';

/** 在线用户: the security administrator sees who is signed in, from where, and ends a session at once. */
export default function OnlineUsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<SessionFilter>({ page: 1, pageSize: 20 });
  const sessions = useOnlineSessions(filter);
  const end = useEndSession();

  return (
    <>
      <Typography.Title level={3}>{t('security.onlineTitle')}</Typography.Title>
      <Input.Search
        aria-label={t('security.search')}
        placeholder={t('security.search')}
        allowClear
        style={{ width: 280, marginBottom: 16 }}
        onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
      />
      {/* The region scrolls, not the table: a keyboard reaches it even when no row has a button (only one's own session). */}
      <div role="region" aria-label={t('security.onlineTitle')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table<OnlineSession>
          rowKey="id"
          size="middle"
          loading={sessions.isFetching}
          dataSource={sessions.data?.items ?? []}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: sessions.data?.total ?? 0,
            showTotal: (count) => t('common.total', { count }),
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            {
              title: t('security.user'),
              key: 'user',
              render: (_, s) => (
                <Space>
                  {s.displayName}
                  <Typography.Text type="secondary" translate="no">
                    {s.username}
                  </Typography.Text>
                  {s.current && <Tag color="green">{t('security.current')}</Tag>}
                </Space>
              ),
            },
            { title: t('security.role'), dataIndex: 'role', render: (role: OnlineSession['role']) => roleName(role) },
            { title: t('security.region'), dataIndex: 'regionName' },
            { title: t('security.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
            { title: t('security.since'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: t('security.lastSeen'), dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v) },
            {
              title: t('security.client'),
              dataIndex: 'userAgent',
              width: 240,
              render: (ua: string | null) => (
                <Typography.Text translate="no" ellipsis={{ tooltip: false }} style={{ maxWidth: 240 }}>
                  {ua ?? '—'}
                </Typography.Text>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, s) =>
                s.current ? null : (
                  <Popconfirm
                    title={t('security.forceLogoutConfirm', { name: s.displayName })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      end.mutate(s.id, {
                        onSuccess: () => void message.success(t('security.loggedOut', { name: s.displayName })),
                        onError: (err) => void message.error(errorMessage(err)),
                      })
                    }
                  >
                    <Button type="link" size="small" danger>
                      {t('security.forceLogout')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </div>
    </>
  );
}
