import { NOTICE_KINDS, NOTICE_OUTCOMES, SERVICE_KINDS, TRANSPORT_MODES, shanghaiDateOf } from '@fangkong/domain';
import { App, Button, Card, Form, Input, Select, Table, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useAddToFilePart, useFilePart } from '../../api/keyPersonFile';

const date = <Input type="date" style={{ width: 150 }} />;

/** An inline form that adds to a part of the file and shows the server's field errors in place. */
export function AddForm<B extends object>({
  onAdd,
  pending,
  initial,
  children,
}: {
  onAdd: (body: B, done: () => void, fail: (err: unknown) => void) => void;
  pending: boolean;
  initial?: Partial<B>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<B>();
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 12, rowGap: 8 }}
      initialValues={{ date: shanghaiDateOf(new Date()), ...initial }}
      onFinish={(v) =>
        onAdd(
          v,
          () => form.resetFields(),
          (err) => {
            if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
          },
        )
      }
    >
      {children}
      <Button htmlType="submit" loading={pending}>
        {t('keyPersonFile.add')}
      </Button>
    </Form>
  );
}

/** Drops empty optional fields, which the API refuses as empty strings. */
export const compact = <B extends object>(v: B) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as B;

export function TrajectoryCard({ id, editable }: { id: string; editable: boolean }) {
  const { t } = useTranslation();
  const stops = useFilePart(id, 'trajectory');
  const add = useAddToFilePart(id, 'trajectory');
  return (
    <Card size="small" title={t('keyPersonFile.trajectory')} data-testid="trajectory">
      <Timeline
        items={(stops.data ?? []).map((s) => ({
          children: (
            <>
              <b>
                {s.startDate}
                {s.endDate && s.endDate !== s.startDate ? ` ~ ${s.endDate}` : ''}
              </b>{' '}
              {s.place}
              {s.transport && (
                <Tag style={{ marginLeft: 8 }}>
                  {t(`keyPersonFile.transports.${s.transport}`)}
                  {s.transportDetail ? ` ${s.transportDetail}` : ''}
                </Tag>
              )}
              {s.note && (
                <div>
                  <Typography.Text type="secondary">{s.note}</Typography.Text>
                </div>
              )}
            </>
          ),
        }))}
      />
      {editable && (
        <AddForm<{
          place: string;
          startDate: string;
          endDate?: string;
          transport?: (typeof TRANSPORT_MODES)[number];
          transportDetail?: string;
        }>
          pending={add.isPending}
          onAdd={(v, done, fail) => add.mutate(compact(v), { onSuccess: done, onError: fail })}
        >
          <Form.Item name="place" rules={[{ required: true }]}>
            <Input
              aria-label={t('keyPersonFile.place')}
              placeholder={t('keyPersonFile.place')}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item name="startDate" label={t('keyPersonFile.startDate')} rules={[{ required: true }]}>
            {date}
          </Form.Item>
          <Form.Item name="endDate" label={t('keyPersonFile.endDate')}>
            {date}
          </Form.Item>
          <Form.Item name="transport">
            <Select
              allowClear
              style={{ width: 110 }}
              aria-label={t('keyPersonFile.transport')}
              placeholder={t('keyPersonFile.transport')}
              options={TRANSPORT_MODES.map((m) => ({ value: m, label: t(`keyPersonFile.transports.${m}`) }))}
            />
          </Form.Item>
          <Form.Item name="transportDetail">
            <Input
              aria-label={t('keyPersonFile.transportDetail')}
              placeholder={t('keyPersonFile.transportDetail')}
              style={{ width: 150 }}
            />
          </Form.Item>
        </AddForm>
      )}
    </Card>
  );
}

export function ServicesCard({ id, editable }: { id: string; editable: boolean }) {
  const { t } = useTranslation();
  const rows = useFilePart(id, 'services');
  const add = useAddToFilePart(id, 'services');
  return (
    <Card size="small" title={t('keyPersonFile.services')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows.data ?? []}
        loading={rows.isLoading}
        columns={[
          { title: t('keyPersonFile.date'), dataIndex: 'date' },
          {
            title: t('keyPersonFile.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`keyPersonFile.serviceKinds.${k}`),
          },
          { title: t('keyPersonFile.deliveredBy'), dataIndex: 'deliveredBy' },
          { title: t('keyPersonFile.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
        ]}
      />
      {editable && (
        <AddForm<{ kind: (typeof SERVICE_KINDS)[number]; date: string; deliveredBy: string; note?: string }>
          pending={add.isPending}
          onAdd={(v, done, fail) => add.mutate(compact(v), { onSuccess: done, onError: fail })}
        >
          <Form.Item name="kind" rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              aria-label={t('keyPersonFile.kind')}
              placeholder={t('keyPersonFile.kind')}
              options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`keyPersonFile.serviceKinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="date" rules={[{ required: true }]}>
            {date}
          </Form.Item>
          <Form.Item name="deliveredBy" rules={[{ required: true }]}>
            <Input
              aria-label={t('keyPersonFile.deliveredBy')}
              placeholder={t('keyPersonFile.deliveredBy')}
              style={{ width: 110 }}
            />
          </Form.Item>
          <Form.Item name="note">
            <Input aria-label={t('keyPersonFile.note')} placeholder={t('keyPersonFile.note')} style={{ width: 180 }} />
          </Form.Item>
        </AddForm>
      )}
    </Card>
  );
}

export function NoticesCard({ id, editable }: { id: string; editable: boolean }) {
  const { t } = useTranslation();
  const rows = useFilePart(id, 'notices');
  const add = useAddToFilePart(id, 'notices');
  return (
    <Card size="small" title={t('keyPersonFile.notices')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows.data ?? []}
        loading={rows.isLoading}
        columns={[
          { title: t('keyPersonFile.date'), dataIndex: 'date' },
          {
            title: t('keyPersonFile.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`keyPersonFile.noticeKinds.${k}`),
          },
          { title: t('keyPersonFile.handedBy'), dataIndex: 'handedBy' },
          {
            title: t('keyPersonFile.outcome'),
            dataIndex: 'outcome',
            render: (o: string) => (
              <Tag color={o === 'refused' ? 'red' : 'green'}>{t(`keyPersonFile.outcomes.${o}`)}</Tag>
            ),
          },
          { title: t('keyPersonFile.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
        ]}
      />
      {editable && (
        <AddForm<{
          kind: (typeof NOTICE_KINDS)[number];
          date: string;
          handedBy: string;
          outcome: (typeof NOTICE_OUTCOMES)[number];
          note?: string;
        }>
          pending={add.isPending}
          initial={{ outcome: 'signed' }}
          onAdd={(v, done, fail) => add.mutate(compact(v), { onSuccess: done, onError: fail })}
        >
          <Form.Item name="kind" rules={[{ required: true }]}>
            <Select
              style={{ width: 220 }}
              aria-label={t('keyPersonFile.kind')}
              placeholder={t('keyPersonFile.kind')}
              options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`keyPersonFile.noticeKinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="date" rules={[{ required: true }]}>
            {date}
          </Form.Item>
          <Form.Item name="handedBy" rules={[{ required: true }]}>
            <Input
              aria-label={t('keyPersonFile.handedBy')}
              placeholder={t('keyPersonFile.handedBy')}
              style={{ width: 110 }}
            />
          </Form.Item>
          <Form.Item name="outcome" rules={[{ required: true }]}>
            <Select
              style={{ width: 100 }}
              options={NOTICE_OUTCOMES.map((o) => ({ value: o, label: t(`keyPersonFile.outcomes.${o}`) }))}
            />
          </Form.Item>
          <Form.Item name="note">
            <Input aria-label={t('keyPersonFile.note')} placeholder={t('keyPersonFile.note')} style={{ width: 160 }} />
          </Form.Item>
        </AddForm>
      )}
    </Card>
  );
}
