import { shanghaiDateOf } from '@fangkong/domain';
import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useRegionChildren } from '../../api/regions';
import { serverNow } from '../../api/server-clock';
import { useCreateGroup, useGroups, type CreateGroupBody } from '../../api/supervision';
import { useMe } from '../../auth/session';

/** 督导组: the county's groups, each led by a county leader and sent to townships for a period. */
export default function GroupsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const groups = useGroups();
  const [creating, setCreating] = useState(false);
  return (
    <>
      {canManage && (
        <Button style={{ marginBottom: 8 }} onClick={() => setCreating(true)}>
          {t('supervision.newGroup')}
        </Button>
      )}
      {groups.isError && <Alert type="error" showIcon message={errorMessage(groups.error)} />}
      <List
        loading={groups.isLoading}
        dataSource={groups.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('supervision.noGroups')} /> }}
        renderItem={(g) => (
          <Card
            size="small"
            style={{ marginBottom: 8 }}
            title={<Typography.Text style={{ whiteSpace: 'normal' }}>{g.name}</Typography.Text>}
          >
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {t('supervision.leader')}: {[g.leaderTitle, g.leaderName].filter(Boolean).join(' ')}
            </Typography.Paragraph>
            {g.members.length > 0 && (
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('supervision.members')}: {g.members.join('、')}
              </Typography.Paragraph>
            )}
            <Space size={4} wrap style={{ marginBottom: 4 }}>
              {g.townships.map((x) => (
                <Tag key={x.id}>{x.name}</Tag>
              ))}
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {g.startsOn} ~ {g.endsOn ?? ''} · {t('supervision.inspectionsOf', { count: g.inspections })}
            </Typography.Paragraph>
            {g.topics && <Typography.Paragraph style={{ marginBottom: 0 }}>{g.topics}</Typography.Paragraph>}
          </Card>
        )}
      />
      {creating && <GroupModal onClose={() => setCreating(false)} />}
    </>
  );
}

function GroupModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const townships = useRegionChildren(me.regionId);
  const create = useCreateGroup();
  const [form] = Form.useForm<CreateGroupBody & { memberText?: string }>();
  const submit = ({ memberText, ...v }: CreateGroupBody & { memberText?: string }) =>
    create.mutate(
      { ...v, members: (memberText ?? '').split(/[、,，\s]+/).filter(Boolean), endsOn: v.endsOn || undefined },
      {
        onSuccess: () => {
          void message.success(t('supervision.saved'));
          onClose();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  return (
    <Modal
      open
      title={t('supervision.newGroup')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ startsOn: shanghaiDateOf(serverNow()) }} onFinish={submit}>
        <Form.Item name="name" label={t('supervision.groupName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="leaderName" label={t('supervision.leader')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="leaderTitle" label={t('supervision.leaderTitle')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="memberText" label={t('supervision.members')} extra={t('supervision.membersHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="townshipIds" label={t('supervision.townships')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            loading={townships.isLoading}
            optionFilterProp="label"
            options={(townships.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsOn" label={t('supervision.startsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('supervision.endsOn')}>
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="topics" label={t('supervision.topics')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
