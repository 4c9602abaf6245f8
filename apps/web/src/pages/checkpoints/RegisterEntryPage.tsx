import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Grid,
  Input,
  List,
  Radio,
  Row,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { parsePlate, plateProvinceOfRegion, regionCodeOfPathLabel } from '@fangkong/domain';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findLastOccupants, useCheckpointSettings, useCheckpoints } from '../../api/checkpoints';
import { ApiError, applyFieldErrors, errorMessage } from '../../api/client';
import { newId, outbox } from '../../offline';
import type { CheckpointEntry, CreateEntryBody, LastOccupants } from '../../api/types';
import { formatDateTime } from '../../components/labels';
import { useMe } from '../../auth/session';
import { OccupantRow, type OccupantValues } from './OccupantRow';
import { PlateField } from './PlateField';

const CHECKPOINT_KEY = 'fangkong.checkpointId';
const PROVINCE_KEY = 'fangkong.plateProvince';

interface EntryForm {
  kind: 'vehicle' | 'pedestrian';
  plate?: string;
  vehicleType: NonNullable<CreateEntryBody['vehicleType']>;
  direction: 'in' | 'out';
  origin?: string;
  destination?: string;
  reason?: string;
  decision: 'pass' | 'turnBack' | 'hold';
  holdOutcome?: 'placement' | 'handover';
  occupants: OccupantValues[];
}

const blankOccupant = (): OccupantValues => ({});
const defaults = (): Partial<EntryForm> => ({
  kind: 'vehicle',
  vehicleType: 'car',
  direction: 'in',
  decision: 'pass',
  occupants: [blankOccupant()],
});
/**
 * Moves the focus at once when the field is on the page, so a second key typed straight after
 * Enter lands in the next field, not the one just left; a field still to be rendered (the next
 * person's) is focused after React has drawn it.
 */
const focus = (nav: string) => {
  const field = () => document.querySelector<HTMLInputElement>(`[data-nav="${nav}"]`);
  const now = field();
  if (now) now.focus();
  else setTimeout(() => field()?.focus(), 0);
};
const storage = (key: string) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};

/**
 * The registration form of a checkpoint, keyboard-first on a desktop and one-handed on a phone:
 * Enter walks the fields, Enter in a temperature adds the next person, Ctrl+Enter registers.
 * The entry's id and time are fixed on the first attempt, so sending it again never doubles it.
 */
export default function RegisterEntryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryForm>();
  const checkpoints = useCheckpoints({ status: 'open' });
  const settings = useCheckpointSettings();
  const [checkpointId, setCheckpointId] = useState<string | null>(storage(CHECKPOINT_KEY));
  const me = useMe();
  // Until the staff picks another, plates start with the province of their county.
  const [province, setProvince] = useState(
    () =>
      storage(PROVINCE_KEY) ?? plateProvinceOfRegion(regionCodeOfPathLabel(me.regionPath.split('.')[0]!) ?? '') ?? '京',
  );
  const [last, setLast] = useState<LastOccupants | null>(null);
  const [sending, setSending] = useState(false);
  const [recent, setRecent] = useState<CheckpointEntry[]>([]);
  const pending = useRef<{ id: string; recordedAt: string } | null>(null);
  const kind = Form.useWatch('kind', form);
  // Key hints (Enter, Ctrl+Enter) only where there is a keyboard: a phone has neither key.
  const hasKeyboard = Grid.useBreakpoint().md ?? true;
  const decision = Form.useWatch('decision', form);

  const open = checkpoints.data?.items ?? [];
  const current = open.find((c) => c.id === checkpointId) ?? open[0];
  useEffect(() => {
    if (current) localStorage.setItem(CHECKPOINT_KEY, current.id);
  }, [current]);
  useEffect(() => localStorage.setItem(PROVINCE_KEY, province), [province]);
  useEffect(() => {
    focus('plate');
  }, [current?.id]);

  const plateOf = (rest?: string) => (rest ? `${province}${rest}` : '');
  const checkLastOccupants = async () => {
    const plate = plateOf(form.getFieldValue('plate') as string | undefined);
    setLast(null);
    if (!parsePlate(plate).ok) return;
    try {
      const found = await findLastOccupants(plate);
      if (found.occupants.length) setLast(found);
    } catch {
      // offline or not allowed: the staff types the occupants
    }
  };
  const applyLast = () => {
    if (!last) return;
    form.setFieldValue(
      'occupants',
      last.occupants.map((o) => ({
        idNumber: o.idNumber,
        name: o.name,
        phone: o.phone ?? undefined,
        residentOf: o.personId ? '' : null,
      })),
    );
    setLast(null);
    focus('occ-temp-0');
  };

  const addOccupant = () => {
    const list = (form.getFieldValue('occupants') as OccupantValues[]) ?? [];
    form.setFieldValue('occupants', [...list, blankOccupant()]);
    focus(`occ-id-${list.length}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'F2' && last) {
      e.preventDefault();
      applyLast();
      return;
    }
    if (e.key !== 'Enter') return;
    const nav = (e.target as HTMLElement).dataset?.nav;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      form.submit();
      return;
    }
    if (!nav) return;
    e.preventDefault();
    const [, field, i] = /^occ-(\w+)-(\d+)$/.exec(nav) ?? [];
    const n = Number(i);
    if (nav === 'plate') return focus('origin');
    if (nav === 'origin') return focus('occ-id-0');
    if (field === 'id') return focus(form.getFieldValue(['occupants', n, 'name']) ? `occ-temp-${n}` : `occ-name-${n}`);
    if (field === 'name') return focus(`occ-temp-${n}`);
    if (field === 'temp' || field === 'phone') {
      const list = (form.getFieldValue('occupants') as OccupantValues[]) ?? [];
      if (n < list.length - 1) return focus(`occ-id-${n + 1}`);
      return addOccupant();
    }
  };

  const onFinish = async (v: EntryForm) => {
    if (!current) return;
    // A trailing empty person (added by Enter) is not part of the entry.
    const occupants = v.occupants.filter((o, i) => i === 0 || o.idNumber || o.name || o.temperature);
    pending.current ??= { id: newId(), recordedAt: new Date().toISOString() };
    const body: CreateEntryBody = {
      ...pending.current,
      kind: v.kind,
      plate: v.kind === 'vehicle' ? plateOf(v.plate) : undefined,
      vehicleType: v.kind === 'vehicle' ? v.vehicleType : undefined,
      direction: v.direction,
      origin: v.origin ?? '',
      destination: v.destination ?? '',
      reason: v.reason ?? '',
      decision: v.decision,
      holdOutcome: v.decision === 'hold' ? v.holdOutcome : undefined,
      // A resident picked from the look-up is sent by person id: the staff saw the ID number masked.
      occupants: occupants.map((o) => ({
        ...(o.personId ? { personId: o.personId } : { idNumber: o.idNumber ?? '' }),
        name: o.name || undefined,
        phone: o.phone || undefined,
        temperature: o.temperature ?? '',
        healthCode: o.healthCode,
        itinerary: o.itinerary,
        nucleicAcid: o.nucleicAcid,
      })),
    };
    setSending(true);
    // Named in the offline notice while it waits: 川A12345 3 人.
    const label = `${body.plate ?? t('checkpoints.pedestrian')} ${t('fieldNotes.memberCount', { count: body.occupants.length })}`;
    const done = () => {
      pending.current = null;
      form.resetFields();
      form.setFieldsValue({ ...defaults(), kind: v.kind, direction: v.direction });
      setLast(null);
      // resetFields remounts every field (rc-field-form keys them by reset count): the plate input
      // focused now would be replaced a moment later and the focus fall to the page body.
      setTimeout(() => focus(v.kind === 'vehicle' ? 'plate' : 'occ-id-0'), 0);
    };
    try {
      // Through the shared outbox: offline, or when the network fails, the entry waits in this
      // browser with its id and time and is replayed on reconnect (never stored twice).
      const result = await outbox.submit<CheckpointEntry>({
        id: body.id,
        method: 'POST',
        url: `/api/v1/checkpoints/${encodeURIComponent(current.id)}/entries`,
        body,
        label,
      });
      if (result.status === 'queued') {
        void message.info(t('outbox.savedOffline'));
        done();
        return;
      }
      const entry = result.data;
      const leads = entry.occupants.filter((o) => o.leadId).length;
      const text =
        t('checkpoints.saved', { plate: entry.plate ?? t('checkpoints.pedestrian'), count: entry.persons }) +
        (leads ? t('checkpoints.savedLeads', { count: leads }) : '');
      if (leads) void message.warning(text);
      else void message.success(text);
      setRecent((r) => [entry, ...r].slice(0, 5));
      done();
    } catch (err) {
      // A refused entry is fixed and sent again as a new attempt with the same id.
      if (err instanceof ApiError && err.status === 422) pending.current = null;
      if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  if (!checkpoints.isLoading && open.length === 0) return <Empty description={t('checkpoints.pickCheckpoint')} />;

  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }}>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('checkpoints.register')}
        </Typography.Title>
        <Select
          aria-label={t('checkpoints.checkpoint')}
          style={{ minWidth: 220 }}
          size="large"
          placeholder={t('checkpoints.pickCheckpoint')}
          value={current?.id}
          onChange={setCheckpointId}
          options={open.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Space>
      <Form
        form={form}
        layout="vertical"
        initialValues={defaults()}
        onFinish={(v) => void onFinish(v)}
        onKeyDown={onKeyDown}
        disabled={!current}
        requiredMark={false}
      >
        <Card size="small" style={{ marginBottom: 8 }}>
          <Row gutter={8}>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('checkpoints.kind')} style={{ marginBottom: 8 }}>
                <Segmented
                  block
                  size="large"
                  options={[
                    { value: 'vehicle', label: t('checkpoints.vehicle') },
                    { value: 'pedestrian', label: t('checkpoints.pedestrian') },
                  ]}
                />
              </Form.Item>
            </Col>
            {kind !== 'pedestrian' ? (
              <Col xs={24} md={10}>
                <Form.Item name="plate" label={t('checkpoints.plate')} style={{ marginBottom: 8 }}>
                  <PlateField province={province} onProvince={setProvince} onBlur={() => void checkLastOccupants()} />
                </Form.Item>
              </Col>
            ) : null}
            {kind !== 'pedestrian' ? (
              <Col xs={12} md={6}>
                <Form.Item name="vehicleType" label={t('checkpoints.vehicleType')} style={{ marginBottom: 8 }}>
                  <Select
                    size="large"
                    options={(['car', 'bus', 'truck', 'van', 'motorcycle', 'other'] as const).map((v) => ({
                      value: v,
                      label: t(`checkpoints.vehicleTypes.${v}`),
                    }))}
                  />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={12} md={8}>
              <Form.Item name="direction" label={t('checkpoints.direction')} style={{ marginBottom: 8 }}>
                <Radio.Group
                  size="large"
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: 'in', label: t('checkpoints.in') },
                    { value: 'out', label: t('checkpoints.out') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="origin" label={t('checkpoints.origin')} style={{ marginBottom: 8 }}>
                <Input size="large" data-nav="origin" autoComplete="off" maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="destination" label={t('checkpoints.destination')} style={{ marginBottom: 8 }}>
                <Input size="large" autoComplete="off" maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          {last ? (
            <Alert
              type="info"
              showIcon
              message={t('checkpoints.lastOccupants', {
                count: last.occupants.length,
                time: formatDateTime(last.recordedAt),
              })}
              description={last.occupants.map((o) => o.name).join('、')}
              action={
                <Button type="primary" onClick={applyLast}>
                  {hasKeyboard ? t('checkpointLookup.useLastKey') : t('checkpoints.useLast')}
                </Button>
              }
            />
          ) : null}
        </Card>
        {hasKeyboard && (
          <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0 8px' }}>
            {t('checkpoints.keyboardHint')}
          </Typography.Text>
        )}
        <Form.List name="occupants">
          {(fields, { remove }) => (
            <>
              {fields.map((f, i) => (
                <OccupantRow
                  key={f.key}
                  form={form}
                  index={i}
                  fieldName={f.name}
                  checks={settings.data}
                  onFocus={focus}
                  hasKeyboard={hasKeyboard}
                  onRemove={fields.length > 1 ? () => remove(f.name) : undefined}
                />
              ))}
              <Button block size="large" icon={<PlusOutlined />} onClick={addOccupant} style={{ marginBottom: 8 }}>
                {hasKeyboard ? t('checkpoints.addOccupant') : t('fieldNotes.addOccupant')}
              </Button>
            </>
          )}
        </Form.List>
        <Card size="small" style={{ marginBottom: 8 }}>
          <Form.Item name="decision" label={t('checkpoints.decision')} style={{ marginBottom: 8 }}>
            <Radio.Group
              size="large"
              optionType="button"
              buttonStyle="solid"
              options={(['pass', 'turnBack', 'hold'] as const).map((d) => ({
                value: d,
                label: t(`checkpoints.decisions.${d}`),
              }))}
            />
          </Form.Item>
          {decision === 'hold' ? (
            <Form.Item name="holdOutcome" label={t('checkpoints.holdOutcome')} style={{ marginBottom: 8 }}>
              <Radio.Group
                size="large"
                options={(['placement', 'handover'] as const).map((d) => ({
                  value: d,
                  label: t(`checkpoints.holdOutcomes.${d}`),
                }))}
              />
            </Form.Item>
          ) : null}
          {decision && decision !== 'pass' ? (
            <Form.Item name="reason" label={t('checkpoints.reason')} style={{ marginBottom: 8 }}>
              <Input size="large" maxLength={200} />
            </Form.Item>
          ) : null}
        </Card>
        <div
          style={{
            position: 'sticky',
            bottom: 0,
            background: 'var(--ant-color-bg-layout, #f5f5f5)',
            padding: '8px 0',
            zIndex: 2,
          }}
        >
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={sending}
            style={{ height: 52, fontSize: 18 }}
          >
            {hasKeyboard ? t('checkpoints.submit') : t('fieldNotes.submitEntry')}
          </Button>
        </div>
      </Form>
      {recent.length ? (
        <List
          size="small"
          header={t('checkpoints.recent')}
          dataSource={recent}
          style={{ marginTop: 12 }}
          renderItem={(e) => (
            <List.Item>
              <Space wrap>
                <b>{e.plate ?? t('checkpoints.pedestrian')}</b>
                <span>{e.occupants.map((o) => o.name).join('、')}</span>
                <Tag>{t(`checkpoints.decisions.${e.decision}`)}</Tag>
                {e.occupants.some((o) => o.leadId) ? <Tag color="red">{t('checkpoints.lead')}</Tag> : null}
                <Typography.Text type="secondary">{formatDateTime(e.recordedAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}
