import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportRosterUrl, useDutyVolunteers, useRoster, useSaveShift } from '../../api/checkpoints';
import { applyFieldErrors, errorMessage } from '../../api/client';
import type { Checkpoint, DutyShift } from '../../api/types';

const ROLES = ['leader', 'cadre', 'policeOfficer', 'medicalStaff', 'villageCadre', 'volunteer'] as const;

/** A row of the roster: a township's or county's office (领导带班) or a checkpoint. */
interface Post {
  key: string;
  checkpointId: string | null;
  officeRegionId: string | null;
  name: string;
}

/** A week of 24-hour shifts per office and checkpoint; empty or leaderless days are the township's gaps. */
export function DutyRoster({
  checkpoints,
  canEdit,
  canEditOffices = canEdit,
}: {
  checkpoints: Checkpoint[];
  canEdit: boolean;
  canEditOffices?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [start, setStart] = useState(() => dayjs().subtract(8, 'hour').format('YYYY-MM-DD'));
  const days = Array.from({ length: 7 }, (_, i) => dayjs(start).add(i, 'day').format('YYYY-MM-DD'));
  const roster = useRoster({ from: days[0]!, to: days[6]! });
  const save = useSaveShift();
  const [editing, setEditing] = useState<{ post: Post; day: string; shift?: DutyShift } | null>(null);
  const [form] = Form.useForm<{ members: DutyShift['members'] }>();
  const volunteers = useDutyVolunteers(editing?.post ?? null);
  const picked = Form.useWatch('members', form) ?? [];
  const keyOf = (p: { checkpointId: string | null; officeRegionId: string | null }) =>
    p.checkpointId ?? p.officeRegionId;
  const shiftOf = (post: Post, day: string) => roster.data?.shifts.find((s) => keyOf(s) === post.key && s.day === day);
  const gaps = roster.data?.gaps ?? [];
  const posts: Post[] = [
    ...(roster.data?.offices ?? []).map((o) => ({
      key: o.regionId,
      checkpointId: null,
      officeRegionId: o.regionId,
      name: t('checkpoints.office', { region: o.name }),
    })),
    ...checkpoints
      .filter((c) => c.status === 'open')
      .map((c) => ({ key: c.id, checkpointId: c.id, officeRegionId: null, name: c.name })),
  ];

  const open = (post: Post, day: string) => {
    const shift = shiftOf(post, day);
    form.setFieldsValue({ members: shift?.members ?? [{ name: '', role: 'leader' }] });
    setEditing({ post, day, shift });
  };
  const onSave = (v: { members: DutyShift['members'] }) =>
    editing &&
    save.mutate(
      { post: editing.post, day: editing.day, members: v.members },
      {
        onSuccess: () => setEditing(null),
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );

  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button onClick={() => setStart(dayjs(start).subtract(7, 'day').format('YYYY-MM-DD'))}>‹</Button>
        <Typography.Text>
          {days[0]} – {days[6]}
        </Typography.Text>
        <Button onClick={() => setStart(dayjs(start).add(7, 'day').format('YYYY-MM-DD'))}>›</Button>
        <Button icon={<DownloadOutlined />} href={exportRosterUrl({ from: days[0]!, to: days[6]! })}>
          {t('checkpoints.export')}
        </Button>
      </Space>
      {gaps.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={`${t('checkpoints.gaps')}: ${gaps.length}`}
        />
      ) : null}
      <Table<Post>
        size="small"
        rowKey="key"
        loading={roster.isLoading}
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={posts}
        columns={[
          { title: t('checkpoints.checkpoint'), dataIndex: 'name', fixed: 'left', width: 140 },
          ...days.map((day) => ({
            title:
              day === roster.data?.today ? (
                <Tag color="blue">
                  {day.slice(5)} {t('checkpoints.today')}
                </Tag>
              ) : (
                day.slice(5)
              ),
            key: day,
            width: 130,
            render: (_: unknown, post: Post) => {
              const s = shiftOf(post, day);
              const gap = gaps.find((g) => keyOf(g) === post.key && g.day === day);
              const editable = post.officeRegionId ? canEditOffices : canEdit;
              return (
                <div
                  onClick={editable ? () => open(post, day) : undefined}
                  role={editable ? 'button' : undefined}
                  tabIndex={editable ? 0 : undefined}
                  aria-label={editable ? `${post.name} ${day}` : undefined}
                  onKeyDown={
                    editable
                      ? (e) => {
                          if (e.key === 'Enter' || e.key === ' ') {
                            e.preventDefault();
                            open(post, day);
                          }
                        }
                      : undefined
                  }
                  style={{
                    cursor: editable ? 'pointer' : undefined,
                    minHeight: 32,
                    background: gap ? '#fff1f0' : undefined,
                    padding: 4,
                  }}
                >
                  {s
                    ? s.members.map((m, i) => (
                        <div key={i}>
                          {m.name}
                          <Typography.Text type="secondary"> · {t(`checkpoints.dutyRoles.${m.role}`)}</Typography.Text>
                        </div>
                      ))
                    : null}
                  {gap ? <Tag color="red">{t(`checkpoints.${gap.reason}`)}</Tag> : null}
                </div>
              );
            },
          })),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing ? `${editing.post.name} · ${editing.day}` : ''}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} onFinish={onSave}>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'volunteerId']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                      <Input
                        aria-label={t('checkpoints.personName')}
                        placeholder={t('checkpoints.personName')}
                        disabled={!!picked[f.name]?.volunteerId}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'role']}>
                      <Select
                        style={{ width: 120 }}
                        options={ROLES.map((r) => ({ value: r, label: t(`checkpoints.dutyRoles.${r}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'phone']}>
                      <Input
                        aria-label={t('checkpoints.phone')}
                        placeholder={t('checkpoints.phone')}
                        style={{ width: 130 }}
                      />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', role: 'volunteer' })}
                >
                  {t('checkpoints.addMember')}
                </Button>
                {/* 志愿者上岗: a member of a volunteer team in scope, named as in the team. */}
                <Form.Item label={t('dutyVolunteers.pick')} style={{ marginTop: 8, marginBottom: 0 }}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    value={null}
                    loading={volunteers.isLoading}
                    placeholder={t('dutyVolunteers.placeholder')}
                    aria-label={t('dutyVolunteers.pick')}
                    notFoundContent={t('dutyVolunteers.none')}
                    options={(volunteers.data?.items ?? [])
                      .filter((v) => !picked.some((m) => m?.volunteerId === v.id))
                      .map((v) => ({ value: v.id, label: `${v.name}（${v.teamName}）` }))}
                    onChange={(id: string) => {
                      const v = volunteers.data?.items.find((x) => x.id === id);
                      if (v) add({ name: v.name, role: 'volunteer', volunteerId: v.id });
                    }}
                  />
                </Form.Item>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
