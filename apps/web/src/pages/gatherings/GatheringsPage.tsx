import { can, GATHERING_KINDS, GATHERING_OUTCOMES, shanghaiDateOf, shanghaiDateTimeOf } from '@fangkong/domain';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { serverNow } from '../../api/server-clock';
import { useGatherings, useRecordGathering, type Gathering } from '../../api/communityMeasures';
import { useMe } from '../../auth/session';
import { DrillBanner, useDrillFilter } from '../../components/DrillFilter';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { newId } from '../../offline';

const outcomeColor = {
  cancelled: 'green',
  postponed: 'cyan',
  scaledDown: 'blue',
  heldUnderConditions: 'gold',
  heldInViolation: 'red',
} as const;

/** 聚集性活动: weddings, funerals, banquets, market days and temple fairs, and what came of each. */
export default function GatheringsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const drill = useDrillFilter();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [kind, setKind] = useState<string>();
  const list = useGatherings(drill ? { ...paging, ...drill } : { ...paging, kind });
  const d = list.data;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('gatherings.title')}
        </Typography.Title>
        {can(me.role, 'measures.record') && <RecordGatheringButton />}
      </Space>
      {drill ? (
        <DrillBanner total={d?.total} />
      ) : (
        <Space style={{ marginBottom: 8 }} wrap>
          <Select
            allowClear
            placeholder={t('gatherings.kind')}
            aria-label={t('gatherings.kind')}
            style={{ width: 160 }}
            value={kind}
            onChange={setKind}
            options={GATHERING_KINDS.map((k) => ({ value: k, label: t(`gatherings.kinds.${k}`) }))}
          />
        </Space>
      )}
      {d && (
        <Alert
          type="info"
          style={{ marginBottom: 8 }}
          message={t('gatherings.summary', {
            stopped: d.stopped,
            tables: d.tablesCancelled,
            persons: d.personsCancelled,
          })}
        />
      )}
      {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} />}
      <Table<Gathering>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={d?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: d?.total ?? 0,
          showTotal: (count) => t('common.total', { count }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('gatherings.settledAt'), dataIndex: 'settledAt', render: (v: string) => shanghaiDateTimeOf(v) },
          {
            title: t('gatherings.kind'),
            dataIndex: 'kind',
            render: (k: Gathering['kind']) => t(`gatherings.kinds.${k}`),
          },
          { title: t('gatherings.host'), dataIndex: 'host' },
          { title: t('gatherings.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: t('gatherings.date'), dataIndex: 'date' },
          { title: t('gatherings.place'), dataIndex: 'place' },
          { title: t('gatherings.region'), dataIndex: 'regionName' },
          { title: t('gatherings.tables'), dataIndex: 'tables' },
          { title: t('gatherings.persons'), dataIndex: 'persons' },
          {
            title: t('gatherings.outcome'),
            dataIndex: 'outcome',
            render: (o: Gathering['outcome']) => <Tag color={outcomeColor[o]}>{t(`gatherings.outcomes.${o}`)}</Tag>,
          },
          {
            title: t('gatherings.cancelled'),
            key: 'cut',
            render: (_, g) => `${g.tablesCancelled} / ${g.personsCancelled}`,
          },
          { title: t('gatherings.recordedBy'), dataIndex: 'recordedBy', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}

/** The field form: a few taps, sent through the outbox so it is kept when there is no network. */
function RecordGatheringButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState(newId);
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  const record = useRecordGathering();
  const submit = (v: Record<string, unknown>) => {
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== undefined && x !== null));
    record.mutate(
      {
        id,
        label: `${String(v.host)} ${t(`gatherings.kinds.${String(v.kind)}`)}`,
        settledAt: serverNow().toISOString(),
        ...body,
      },
      {
        onSuccess: (r) => {
          void message.success(r.status === 'queued' ? t('outbox.savedOffline') : t('gatherings.saved'));
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
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('gatherings.record')}
      </Button>
      <Modal
        open={open}
        title={t('gatherings.record')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={record.isPending}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            kind: 'wedding',
            outcome: 'cancelled',
            date: shanghaiDateOf(serverNow()),
            tables: 0,
            persons: 0,
          }}
        >
          <Form.Item name="regionId" label={t('gatherings.region')} rules={[{ required: true }]}>
            <RegionTreeSelect aria-label={t('gatherings.region')} />
          </Form.Item>
          <Form.Item name="kind" label={t('gatherings.kind')}>
            <Radio.Group
              optionType="button"
              options={GATHERING_KINDS.map((k) => ({ value: k, label: t(`gatherings.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="host" label={t('gatherings.host')} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="phone" label={t('gatherings.phone')}>
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item name="date" label={t('gatherings.date')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="place" label={t('gatherings.place')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Space>
            <Form.Item name="tables" label={t('gatherings.tables')}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
            <Form.Item name="persons" label={t('gatherings.persons')}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="outcome" label={t('gatherings.outcome')}>
            <Radio.Group
              optionType="button"
              options={GATHERING_OUTCOMES.map((k) => ({ value: k, label: t(`gatherings.outcomes.${k}`) }))}
            />
          </Form.Item>
          {outcome && outcome !== 'cancelled' && outcome !== 'postponed' && (
            <Space>
              <Form.Item name="tablesHeld" label={t('gatherings.tablesHeld')}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
              <Form.Item name="personsHeld" label={t('gatherings.personsHeld')}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="note" label={t('gatherings.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
