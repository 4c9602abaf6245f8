import { VOLUNTEER_SKILLS, VOLUNTEER_TEAM_KINDS } from '@fangkong/domain';
import { App, Button, Card, Checkbox, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import {
  type Volunteer,
  type VolunteerTeam,
  useAddVolunteer,
  useCreateTeam,
  useRemoveVolunteer,
  useVolunteerTeams,
} from '../../api/volunteerTeams';
import { newId } from '../../offline';

/** 志愿服务队 of a region and below: members, skills, where they serve. */
export function VolunteerTeamsCard({ regionId, canManage }: { regionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const teams = useVolunteerTeams(regionId);
  const create = useCreateTeam();
  const [form] = Form.useForm<{ kind: VolunteerTeam['kind']; name: string }>();
  const [id, setId] = useState(newId);
  return (
    <Card
      size="small"
      loading={teams.isPending}
      title={
        <>
          {t('volunteers.title')}{' '}
          <Tag>{t('volunteers.count', { teams: teams.data?.total ?? 0, volunteers: teams.data?.volunteers ?? 0 })}</Tag>
        </>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {(teams.data?.items ?? []).map((team) => (
          <TeamBlock key={team.id} team={team} canManage={canManage} />
        ))}
        {canManage && (
          <Form
            form={form}
            layout="inline"
            style={{ rowGap: 8 }}
            initialValues={{ kind: 'partyMember' }}
            onFinish={(v) =>
              create.mutate(
                { id, regionId, ...v },
                {
                  onSuccess: () => {
                    form.resetFields();
                    setId(newId());
                  },
                  onError: (err) => {
                    if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
                  },
                },
              )
            }
          >
            <Form.Item name="kind">
              <Select
                style={{ width: 150 }}
                aria-label={t('volunteers.kind')}
                options={VOLUNTEER_TEAM_KINDS.map((k) => ({ value: k, label: t(`volunteers.kinds.${k}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="name"
              rules={[{ required: true, message: t('users.required', { field: t('volunteers.teamName') }) }]}
            >
              <Input
                placeholder={t('volunteers.teamName')}
                aria-label={t('volunteers.teamName')}
                style={{ width: 200 }}
                maxLength={100}
              />
            </Form.Item>
            <Button htmlType="submit" loading={create.isPending}>
              {t('volunteers.newTeam')}
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}

function TeamBlock({ team, canManage }: { team: VolunteerTeam; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddVolunteer(team.id);
  const remove = useRemoveVolunteer(team.id);
  const [form] = Form.useForm<{
    name: string;
    phone?: string;
    skills?: Volunteer['skills'];
    assignment?: string;
    isLeader?: boolean;
  }>();
  return (
    <div>
      <b>{team.name}</b>{' '}
      <Tag color={team.kind === 'partyMember' ? 'red' : 'blue'}>{t(`volunteers.kinds.${team.kind}`)}</Tag>{' '}
      <small>{team.regionName}</small>
      <Table<Volunteer>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={team.members}
        aria-label={team.name}
        columns={[
          {
            title: t('chains.name'),
            dataIndex: 'name',
            render: (n: string, m) => (
              <>
                {n}
                {m.isLeader && (
                  <Tag color="gold" style={{ marginLeft: 4 }}>
                    {t('volunteers.leader')}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('chains.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          {
            title: t('volunteers.skills'),
            dataIndex: 'skills',
            render: (s: Volunteer['skills']) => s.map((k) => <Tag key={k}>{t(`volunteers.skillNames.${k}`)}</Tag>),
          },
          { title: t('volunteers.assignment'), dataIndex: 'assignment', render: (v: string | null) => v ?? '—' },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'x',
                  render: (_: unknown, m: Volunteer) => (
                    <Popconfirm
                      title={t('command.removeConfirm', { name: m.name })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutate(m.id, { onError: (err) => void message.error(errorMessage(err)) })}
                    >
                      <Button type="link" size="small" danger>
                        {t('keyPersons.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canManage && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 8, rowGap: 8 }}
          onFinish={(v) =>
            add.mutate(
              { ...v, phone: v.phone || undefined, assignment: v.assignment || undefined, isLeader: !!v.isLeader },
              {
                onSuccess: () => form.resetFields(),
                onError: (err) => {
                  if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
                },
              },
            )
          }
        >
          <Form.Item
            name="name"
            rules={[{ required: true, message: t('users.required', { field: t('chains.name') }) }]}
          >
            <Input placeholder={t('chains.name')} aria-label={t('chains.name')} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="phone">
            <Input
              placeholder={t('chains.phone')}
              aria-label={t('chains.phone')}
              inputMode="tel"
              style={{ width: 130 }}
            />
          </Form.Item>
          <Form.Item name="skills">
            <Select
              mode="multiple"
              placeholder={t('volunteers.skills')}
              aria-label={t('volunteers.skills')}
              style={{ minWidth: 140 }}
              options={VOLUNTEER_SKILLS.map((k) => ({ value: k, label: t(`volunteers.skillNames.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="assignment">
            <Input
              placeholder={t('volunteers.assignment')}
              aria-label={t('volunteers.assignment')}
              style={{ width: 150 }}
            />
          </Form.Item>
          <Form.Item name="isLeader" valuePropName="checked">
            <Checkbox>{t('volunteers.leader')}</Checkbox>
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('volunteers.add')}
          </Button>
        </Form>
      )}
    </div>
  );
}
