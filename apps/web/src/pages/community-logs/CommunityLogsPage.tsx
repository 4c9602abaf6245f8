import { can, DISINFECTION_PLACES, PUBLICITY_KINDS, shanghaiDateOf, shanghaiDateTimeOf } from '@fangkong/domain';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { serverNow } from '../../api/server-clock';
import {
  useDisinfections,
  usePublicity,
  useRecordLog,
  type Disinfection,
  type Publicity,
} from '../../api/communityMeasures';
import { useMe } from '../../auth/session';
import { DrillBanner, useDrillFilter } from '../../components/DrillFilter';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { newId } from '../../offline';

/** 消杀 and 宣传: the logs of what was disinfected and what was put out, each recorded in a few taps. */
export default function CommunityLogsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const drill = useDrillFilter();
  const [chosen, setTab] = useState<'disinfections' | 'publicity'>('disinfections');
  // A report's figure opens the log it counts: a window of sessions, or a day of publicity.
  const tab = drill?.doneFrom ? 'disinfections' : drill?.day ? 'publicity' : chosen;
  const [page, setPage] = useState(1);
  const disinfections = useDisinfections({ page, pageSize: 20, ...(tab === 'disinfections' ? drill : {}) });
  const publicity = usePublicity({ page, pageSize: 20, ...(tab === 'publicity' ? drill : {}) });
  const canRecord = can(me.role, 'measures.record');
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('communityLogs.title')}
        </Typography.Title>
        {canRecord && <RecordButton kind={tab} />}
      </Space>
      {drill && <DrillBanner total={tab === 'disinfections' ? disinfections.data?.total : publicity.data?.total} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as typeof tab);
          setPage(1);
        }}
        items={[
          { key: 'disinfections', label: t('communityLogs.disinfections') },
          { key: 'publicity', label: t('communityLogs.publicity') },
        ]}
      />
      {tab === 'disinfections' ? (
        <>
          {disinfections.isError && <Alert type="error" showIcon message={errorMessage(disinfections.error)} />}
          <Typography.Paragraph>
            {t('communityLogs.areaTotal', { area: disinfections.data?.areaM2 ?? 0 })}
          </Typography.Paragraph>
          <Table<Disinfection>
            rowKey="id"
            size="middle"
            loading={disinfections.isFetching}
            dataSource={disinfections.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page,
              total: disinfections.data?.total ?? 0,
              showTotal: (count) => t('common.total', { count }),
              onChange: setPage,
            }}
            columns={[
              { title: t('communityLogs.doneAt'), dataIndex: 'doneAt', render: (v: string) => shanghaiDateTimeOf(v) },
              {
                title: t('communityLogs.placeKind'),
                dataIndex: 'placeKind',
                render: (k: Disinfection['placeKind']) => t(`communityLogs.places.${k}`),
              },
              { title: t('communityLogs.place'), dataIndex: 'place' },
              { title: t('communityLogs.region'), dataIndex: 'regionName' },
              { title: t('communityLogs.agent'), dataIndex: 'agent', render: (v: string | null) => v ?? '—' },
              { title: t('communityLogs.area'), dataIndex: 'areaM2' },
              { title: t('communityLogs.doneBy'), dataIndex: 'doneBy', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </>
      ) : (
        <>
          {publicity.isError && <Alert type="error" showIcon message={errorMessage(publicity.error)} />}
          <Typography.Paragraph>
            {t('communityLogs.publicityTotal', {
              hours: publicity.data?.hours ?? 0,
              reach: publicity.data?.reach ?? 0,
            })}
          </Typography.Paragraph>
          <Table<Publicity>
            rowKey="id"
            size="middle"
            loading={publicity.isFetching}
            dataSource={publicity.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page,
              total: publicity.data?.total ?? 0,
              showTotal: (count) => t('common.total', { count }),
              onChange: setPage,
            }}
            columns={[
              { title: t('communityLogs.day'), dataIndex: 'day' },
              {
                title: t('communityLogs.kind'),
                dataIndex: 'kind',
                render: (k: Publicity['kind']) => t(`communityLogs.kinds.${k}`),
              },
              { title: t('communityLogs.region'), dataIndex: 'regionName' },
              { title: t('communityLogs.quantity'), dataIndex: 'quantity' },
              { title: t('communityLogs.hours'), dataIndex: 'hours', render: (v: number | null) => v ?? '—' },
              { title: t('communityLogs.reach'), dataIndex: 'reach', render: (v: number | null) => v ?? '—' },
              { title: t('communityLogs.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </>
      )}
    </>
  );
}

function RecordButton({ kind }: { kind: 'disinfections' | 'publicity' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState(newId);
  const [form] = Form.useForm();
  const record = useRecordLog(kind === 'disinfections' ? '/api/v1/disinfections' : '/api/v1/publicity');
  const publicityKind = Form.useWatch('kind', form) as string | undefined;
  const submit = (v: Record<string, unknown>) => {
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== undefined && x !== null));
    const label = kind === 'disinfections' ? String(v.place) : t(`communityLogs.kinds.${String(v.kind)}`);
    record.mutate(
      { id, label, ...(kind === 'disinfections' ? { doneAt: serverNow().toISOString() } : {}), ...body },
      {
        onSuccess: (r) => {
          void message.success(r.status === 'queued' ? t('outbox.savedOffline') : t('communityLogs.saved'));
          form.resetFields();
          setId(newId());
          setOpen(false);
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  };
  const title = kind === 'disinfections' ? t('communityLogs.recordDisinfection') : t('communityLogs.recordPublicity');
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {title}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={record.isPending}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={
            kind === 'disinfections'
              ? { placeKind: 'publicPlace', areaM2: 0 }
              : { kind: 'broadcast', day: shanghaiDateOf(serverNow()), quantity: 0 }
          }
        >
          <Form.Item name="regionId" label={t('communityLogs.region')} rules={[{ required: true }]}>
            <RegionTreeSelect aria-label={t('communityLogs.region')} />
          </Form.Item>
          {kind === 'disinfections' ? (
            <>
              <Form.Item name="placeKind" label={t('communityLogs.placeKind')}>
                <Select
                  options={DISINFECTION_PLACES.map((k) => ({ value: k, label: t(`communityLogs.places.${k}`) }))}
                />
              </Form.Item>
              <Form.Item name="place" label={t('communityLogs.place')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="agent" label={t('communityLogs.agent')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="areaM2" label={t('communityLogs.area')}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
              <Form.Item name="doneBy" label={t('communityLogs.doneBy')}>
                <Input maxLength={100} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="kind" label={t('communityLogs.kind')}>
                <Select options={PUBLICITY_KINDS.map((k) => ({ value: k, label: t(`communityLogs.kinds.${k}`) }))} />
              </Form.Item>
              <Form.Item name="day" label={t('communityLogs.day')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              {publicityKind === 'broadcast' ? (
                <Form.Item name="hours" label={t('communityLogs.hours')} rules={[{ required: true }]}>
                  <InputNumber min={0} max={24} step={0.5} />
                </Form.Item>
              ) : (
                <Form.Item name="quantity" label={t('communityLogs.quantity')}>
                  <InputNumber min={0} precision={0} />
                </Form.Item>
              )}
              {(publicityKind === 'wechat' || publicityKind === 'sms') && (
                <Form.Item name="reach" label={t('communityLogs.reach')}>
                  <InputNumber min={0} precision={0} />
                </Form.Item>
              )}
            </>
          )}
          <Form.Item name="note" label={t('communityLogs.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
