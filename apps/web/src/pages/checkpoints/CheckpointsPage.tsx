import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCheckpoints, useUpdateCheckpoint } from '../../api/checkpoints';
import type { Checkpoint } from '../../api/types';
import { useMe } from '../../auth/session';
import { hasRole } from '../../auth/roles';
import { CHECKPOINT_MANAGERS, CHECKPOINT_REGISTRARS, OFFICE_DUTY_MANAGERS } from './roles';
import { CheckpointFormModal } from './CheckpointFormModal';
import { DutyRoster } from './DutyRoster';
import { CheckpointSettingsCard } from './CheckpointSettingsCard';

/** The checkpoints in scope with who is on duty now, and their duty roster. */
export default function CheckpointsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useCheckpoints();
  const update = useUpdateCheckpoint();
  const [creating, setCreating] = useState(false);
  const canManage = hasRole(me.role, CHECKPOINT_MANAGERS);
  const items = list.data?.items ?? [];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('checkpoints.title')}
        </Typography.Title>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('common.create')}
          </Button>
        ) : null}
      </Space>
      <Tabs
        items={[
          {
            key: 'list',
            label: t('checkpoints.list'),
            children: (
              <Table<Checkpoint>
                rowKey="id"
                size="middle"
                loading={list.isLoading}
                dataSource={items}
                scroll={{ x: 800 }}
                pagination={false}
                columns={[
                  {
                    title: t('checkpoints.name'),
                    dataIndex: 'name',
                    render: (name: string, c) =>
                      hasRole(me.role, CHECKPOINT_REGISTRARS) && c.status === 'open' ? (
                        <Link
                          to="/checkpoint-entry"
                          onClick={() => localStorage.setItem('fangkong.checkpointId', c.id)}
                        >
                          {name}
                        </Link>
                      ) : (
                        name
                      ),
                  },
                  {
                    title: t('checkpoints.kind'),
                    dataIndex: 'kind',
                    render: (k: Checkpoint['kind']) => t(`checkpoints.kinds.${k}`),
                  },
                  { title: t('checkpoints.region'), dataIndex: 'regionName' },
                  {
                    title: t('checkpoints.status'),
                    dataIndex: 'status',
                    render: (s: Checkpoint['status']) => (
                      <Tag color={s === 'open' ? 'green' : 'default'}>{t(`checkpoints.${s}`)}</Tag>
                    ),
                  },
                  {
                    title: t('checkpoints.onDuty'),
                    dataIndex: 'onDuty',
                    render: (d: Checkpoint['onDuty']) =>
                      d.length ? (
                        d.map((m) => `${m.name}(${t(`checkpoints.dutyRoles.${m.role as 'leader'}`)})`).join('、')
                      ) : (
                        <Typography.Text type="danger">{t('checkpoints.noOneOnDuty')}</Typography.Text>
                      ),
                  },
                  {
                    title: t('checkpoints.facilities'),
                    dataIndex: 'facilities',
                    render: (f: Checkpoint['facilities']) =>
                      f.map((x) => <Tag key={x}>{t(`checkpoints.facility.${x}`)}</Tag>),
                  },
                  ...(canManage
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'actions',
                          render: (_: unknown, c: Checkpoint) => (
                            <Popconfirm
                              title={c.status === 'open' ? t('checkpoints.close') : t('checkpoints.reopen')}
                              onConfirm={() =>
                                update.mutate({ id: c.id, body: { status: c.status === 'open' ? 'closed' : 'open' } })
                              }
                            >
                              <Button size="small">
                                {c.status === 'open' ? t('checkpoints.close') : t('checkpoints.reopen')}
                              </Button>
                            </Popconfirm>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            ),
          },
          {
            key: 'roster',
            label: t('checkpoints.roster'),
            children: (
              <DutyRoster
                checkpoints={items}
                canEdit={canManage}
                canEditOffices={hasRole(me.role, OFFICE_DUTY_MANAGERS)}
              />
            ),
          },
          {
            key: 'settings',
            label: t('checkpoints.settings.title'),
            children: <CheckpointSettingsCard canEdit={canManage && me.regionLevel === 'county'} />,
          },
        ]}
      />
      <CheckpointFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
