import { INCIDENT_KINDS, shanghaiInstant } from '@fangkong/domain';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useAddToFilePart, useFilePart, useUpdateIncident } from '../../api/keyPersonFile';
import type { KeyPersonIncident, UpdateIncidentBody } from '../../api/types';
import { formatDateTime } from '../../components/labels';
import { AddForm, compact } from './FileParts';

/** A datetime-local value (Beijing time) as an instant; empty stays empty. */
const instantOf = (v?: string) => (v ? shanghaiInstant(v.slice(0, 10), v.slice(11, 16)).toISOString() : undefined);
const when = <Input type="datetime-local" style={{ width: 200 }} />;

/** 不配合/违反居家隔离: what happened, who saw it, the notice, the hand-over to the police station, the outcome. */
export function IncidentsCard({ id, editable }: { id: string; editable: boolean }) {
  const { t } = useTranslation();
  const rows = useFilePart(id, 'incidents');
  const add = useAddToFilePart(id, 'incidents');
  const [following, setFollowing] = useState<KeyPersonIncident | null>(null);
  return (
    <Card size="small" title={t('incidents.title')} data-testid="incidents">
      <Table<KeyPersonIncident>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows.data ?? []}
        loading={rows.isLoading}
        columns={[
          { title: t('incidents.occurredAt'), dataIndex: 'occurredAt', render: formatDateTime },
          { title: t('keyPersonFile.kind'), dataIndex: 'kind', render: (k: string) => t(`incidents.kinds.${k}`) },
          { title: t('incidents.witnessedBy'), dataIndex: 'witnessedBy' },
          {
            title: t('incidents.notice'),
            dataIndex: 'noticeHandedAt',
            render: (v: string | null) => (v ? formatDateTime(v) : '—'),
          },
          {
            title: t('incidents.police'),
            key: 'police',
            render: (_, i) =>
              i.handedOverAt ? (
                <Tag color="red">
                  {i.policeStation} {i.policeRef} {formatDateTime(i.handedOverAt)}
                </Tag>
              ) : (
                '—'
              ),
          },
          { title: t('incidents.outcome'), dataIndex: 'outcome', render: (v: string | null) => v ?? '—' },
          { title: t('keyPersonFile.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'follow',
                  render: (_: unknown, i: KeyPersonIncident) => (
                    <Button type="link" size="small" onClick={() => setFollowing(i)}>
                      {t('incidents.followUp')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <AddForm<{ kind: (typeof INCIDENT_KINDS)[number]; occurredAt: string; witnessedBy: string; note?: string }>
          pending={add.isPending}
          initial={{ kind: 'leftHome' }}
          onAdd={(v, done, fail) =>
            add.mutate(compact({ ...v, occurredAt: instantOf(v.occurredAt)! }), { onSuccess: done, onError: fail })
          }
        >
          <Form.Item name="kind" rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              aria-label={t('keyPersonFile.kind')}
              options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`incidents.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="occurredAt" rules={[{ required: true }]}>
            <Input type="datetime-local" aria-label={t('incidents.occurredAt')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="witnessedBy" rules={[{ required: true }]}>
            <Input
              aria-label={t('incidents.witnessedBy')}
              placeholder={t('incidents.witnessedBy')}
              style={{ width: 120 }}
            />
          </Form.Item>
          <Form.Item name="note">
            <Input aria-label={t('keyPersonFile.note')} placeholder={t('keyPersonFile.note')} style={{ width: 160 }} />
          </Form.Item>
        </AddForm>
      )}
      {following && <FollowUpModal id={id} incident={following} onClose={() => setFollowing(null)} />}
    </Card>
  );
}

type FollowUp = {
  noticeHandedAt?: string;
  policeStation?: string;
  policeRef?: string;
  handedOverAt?: string;
  outcome?: string;
};

function FollowUpModal({ id, incident, onClose }: { id: string; incident: KeyPersonIncident; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUp>();
  const update = useUpdateIncident(id);
  const submit = (v: FollowUp) =>
    update.mutate(
      {
        incidentId: incident.id,
        body: compact({
          ...v,
          noticeHandedAt: instantOf(v.noticeHandedAt),
          handedOverAt: instantOf(v.handedOverAt),
        }) as UpdateIncidentBody,
      },
      {
        onSuccess: onClose,
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  return (
    <Modal
      open
      title={t('incidents.followUp')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      cancelText={t('common.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ policeStation: incident.policeStation ?? undefined, outcome: incident.outcome ?? undefined }}
      >
        <Form.Item name="noticeHandedAt" label={t('incidents.notice')}>
          {when}
        </Form.Item>
        <Form.Item name="policeStation" label={t('incidents.policeStation')}>
          <Input />
        </Form.Item>
        <Form.Item name="policeRef" label={t('incidents.policeRef')}>
          <Input />
        </Form.Item>
        <Form.Item name="handedOverAt" label={t('incidents.handedOverAt')}>
          {when}
        </Form.Item>
        <Form.Item name="outcome" label={t('incidents.outcome')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
