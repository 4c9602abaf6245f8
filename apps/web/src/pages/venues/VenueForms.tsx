import { VENUE_CHECK_RESULTS, VENUE_ORDER_KINDS, VENUE_TYPES, shanghaiDateOf } from '@fangkong/domain';
import { App, Button, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { serverNow } from '../../api/server-clock';
import {
  useCreateOrder,
  useCreateVenue,
  useRecordCheck,
  type Venue,
  type VenueDetail,
} from '../../api/communityMeasures';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { newId } from '../../offline';

const blankless = (v: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== undefined && x !== null));

/** 登记场所: a venue of a region with its type, operator and phone. */
export function NewVenueButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState(newId);
  const [form] = Form.useForm();
  const create = useCreateVenue();
  const submit = (v: Record<string, unknown>) =>
    create.mutate(
      { id, ...blankless(v) },
      {
        onSuccess: () => {
          void message.success(t('venues.saved'));
          form.resetFields();
          setId(newId());
          setOpen(false);
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('venues.newVenue')}
      </Button>
      <Modal
        open={open}
        title={t('venues.newVenue')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'ktv' }}>
          <Form.Item name="regionId" label={t('venues.region')} rules={[{ required: true }]}>
            <RegionTreeSelect aria-label={t('venues.region')} />
          </Form.Item>
          <Form.Item name="type" label={t('venues.type')}>
            <Select options={VENUE_TYPES.map((k) => ({ value: k, label: t(`venues.types.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('venues.name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="address" label={t('venues.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="operator" label={t('venues.operator')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="phone" label={t('venues.phone')}>
            <Input inputMode="tel" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 下达管控措施: on every venue of a type in a region, or on one venue, from a date through a date. */
export function NewOrderButton({ venue }: { venue?: Venue }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState(newId);
  const [form] = Form.useForm();
  const target = Form.useWatch('target', form) as 'type' | 'venue' | undefined;
  const kind = Form.useWatch('kind', form) as string | undefined;
  const create = useCreateOrder();
  const submit = ({ target: to, ...v }: Record<string, unknown>) => {
    const body = to === 'venue' ? { ...v, venueId: venue!.id, regionId: undefined, venueType: undefined } : v;
    create.mutate(
      { id, ...blankless(body) },
      {
        onSuccess: () => {
          void message.success(t('venues.saved'));
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
      <Button onClick={() => setOpen(true)}>{t('venues.newOrder')}</Button>
      <Modal
        open={open}
        title={t('venues.newOrder')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            target: venue ? 'venue' : 'type',
            kind: 'close',
            venueType: venue?.type ?? 'ktv',
            effectiveFrom: shanghaiDateOf(serverNow()),
          }}
        >
          {venue && (
            <Form.Item name="target" label={t('venues.target')}>
              <Radio.Group
                options={[
                  { value: 'venue', label: `${t('venues.targetVenue')}：${venue.name}` },
                  { value: 'type', label: t('venues.targetType') },
                ]}
              />
            </Form.Item>
          )}
          {target !== 'venue' && (
            <>
              <Form.Item name="regionId" label={t('venues.region')} rules={[{ required: true }]}>
                <RegionTreeSelect aria-label={t('venues.region')} />
              </Form.Item>
              <Form.Item name="venueType" label={t('venues.type')}>
                <Select options={VENUE_TYPES.map((k) => ({ value: k, label: t(`venues.types.${k}`) }))} />
              </Form.Item>
            </>
          )}
          <Form.Item name="kind" label={t('venues.kind')}>
            <Select options={VENUE_ORDER_KINDS.map((k) => ({ value: k, label: t(`venues.orderKinds.${k}`) }))} />
          </Form.Item>
          {kind === 'restrictHours' && (
            <Form.Item name="hours" label={t('venues.hours')}>
              <Input placeholder="08:00-20:00" maxLength={50} />
            </Form.Item>
          )}
          <Form.Item name="effectiveFrom" label={t('venues.from')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="effectiveUntil" label={t('venues.until')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="note" label={t('venues.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 检查 / 复查 on site: the result in one tap, the action taken when it is a violation; through the outbox. */
export function CheckForm({ venue }: { venue: VenueDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [id, setId] = useState(newId);
  const result = Form.useWatch('result', form) as string | undefined;
  const record = useRecordCheck();
  const violations = venue.checks.filter((c) => c.result !== 'compliant');
  const submit = (v: Record<string, unknown>) =>
    record.mutate(
      {
        venueId: venue.id,
        id,
        label: `${venue.name} ${t(`venues.results.${String(v.result)}`)}`,
        checkedAt: serverNow().toISOString(),
        ...blankless(v),
      },
      {
        onSuccess: (r) => {
          void message.success(r.status === 'queued' ? t('outbox.savedOffline') : t('venues.saved'));
          form.resetFields();
          setId(newId());
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ result: 'compliant', recheckOf: venue.needsRecheck ? violations[0]?.id : undefined }}
    >
      <Form.Item name="result" label={t('venues.result')}>
        <Radio.Group
          optionType="button"
          options={VENUE_CHECK_RESULTS.map((k) => ({ value: k, label: t(`venues.results.${k}`) }))}
        />
      </Form.Item>
      {result !== 'compliant' && (
        <Form.Item name="actionTaken" label={t('venues.actionTaken')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('venues.actionHint')} />
        </Form.Item>
      )}
      {violations.length > 0 && (
        <Form.Item name="recheckOf" label={t('venues.recheckOf')}>
          <Select
            allowClear
            options={violations.map((c) => ({
              value: c.id,
              label: `${c.checkedAt.slice(0, 10)} ${t(`venues.results.${c.result}`)}`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('venues.note')}>
        <Input maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending}>
        {venue.needsRecheck ? t('venues.recheck') : t('venues.check')}
      </Button>
    </Form>
  );
}
