import { can, shanghaiDateTimeOf } from '@fangkong/domain';
import { Alert, App, Button, Form, InputNumber, Modal, Select, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import {
  useCreateSpotCheck,
  useSpotCheckRecords,
  useSpotChecks,
  type SpotCheck,
  type SpotCheckRecord,
} from '../../api/supervision';
import { useMe } from '../../auth/session';
import { DrillBanner } from '../../components/DrillFilter';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { OUTCOME_COLOR } from './outcomeColor';

const SpotCheckDrawer = lazy(() => import('./SpotCheckDrawer'));

/** The figures an inspector may sample (each with an exact list of its records). */
export const SPOT_FIGURES = [
  'keyPersons.active',
  'keyPersons.newToday',
  'screening.householdsToday',
  'screening.householdsCurrentRound',
  'healthChecks.checksToday',
  'checkpoints.vehicles',
] as const;

const rate = (s: { checked: number; discrepant: number }) =>
  s.checked ? `${Math.round((s.discrepant / s.checked) * 100)}%` : '—';

/** 数据核查: samples drawn from the records behind a figure, and how many the residents confirmed. */
export function SpotChecksTab({ drill }: { drill: Record<string, string> | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(false);
  // A figure of checked records opens the records; one of spot checks opens the spot checks.
  const ofRecords = !!drill && ('checkedFrom' in drill || 'outcome' in drill);
  const checks = useSpotChecks({ ...paging, ...(ofRecords ? {} : drill) });
  const records = useSpotCheckRecords({ ...paging, ...drill }, ofRecords);
  const list = ofRecords ? records : checks;
  const figureLabel = (s: SpotCheck) => {
    const key = `${s.section}.${s.figure}`;
    return (SPOT_FIGURES as readonly string[]).includes(key)
      ? t(`supervision.spotFigures.${key as 'keyPersons.active'}`)
      : key;
  };
  const pagination = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: list.data?.total ?? 0,
    showTotal: (count: number) => t('common.total', { count }),
    onChange: (page: number, pageSize: number) => setPaging({ page, pageSize }),
  };
  return (
    <>
      {drill && <DrillBanner total={list.data?.total} />}
      {!drill && can(me.role, 'inspections.record') && (
        <Button style={{ marginBottom: 8 }} onClick={() => setDrawing(true)}>
          {t('supervision.newSpotCheck')}
        </Button>
      )}
      {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} />}
      {ofRecords ? (
        <ResponsiveTable<SpotCheckRecord>
          rowKey="id"
          size="middle"
          aria-label={t('supervision.spotChecks')}
          loading={records.isFetching}
          dataSource={records.data?.items ?? []}
          onOpen={(r) => setOpen(r.spotCheckId)}
          pagination={pagination}
          columns={[
            { title: t('supervision.sampledRecord'), dataIndex: 'label' },
            { title: t('supervision.responsibleRegion'), dataIndex: 'regionName' },
            {
              title: t('supervision.status'),
              dataIndex: 'outcome',
              render: (o: SpotCheckRecord['outcome']) => (
                <Tag color={OUTCOME_COLOR[o]}>{t(`supervision.outcomes.${o}`)}</Tag>
              ),
            },
            { title: t('supervision.residentSaid'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          ]}
        />
      ) : (
        <ResponsiveTable<SpotCheck>
          rowKey="id"
          size="middle"
          aria-label={t('supervision.spotChecks')}
          loading={checks.isFetching}
          dataSource={checks.data?.items ?? []}
          onOpen={(s) => setOpen(s.id)}
          locale={{ emptyText: t('supervision.noSpotChecks') }}
          pagination={pagination}
          columns={[
            { title: t('supervision.spotRegion'), dataIndex: 'regionName' },
            { title: t('supervision.figure'), key: 'figure', render: (_, s) => figureLabel(s) },
            { title: t('supervision.reportDay'), dataIndex: 'reportDay' },
            {
              title: t('supervision.checked'),
              key: 'checked',
              render: (_, s) => t('supervision.checkedOf', { checked: s.checked, size: s.size }),
            },
            {
              title: t('supervision.discrepancyRate'),
              key: 'rate',
              render: (_, s) => (s.discrepant ? <Tag color="red">{rate(s)}</Tag> : rate(s)),
            },
            { title: t('supervision.inspector'), dataIndex: 'inspectorName' },
            {
              title: t('supervision.inspectedAt'),
              dataIndex: 'createdAt',
              render: (v: string) => shanghaiDateTimeOf(v),
            },
          ]}
        />
      )}
      {drawing && <DrawModal onClose={() => setDrawing(false)} onDrawn={setOpen} />}
      {open && (
        <Suspense fallback={null}>
          <SpotCheckDrawer id={open} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </>
  );
}

interface DrawValues {
  regionId: string;
  figure: (typeof SPOT_FIGURES)[number];
  size: number;
  seed?: number;
}

/** Draws a sample: the region, the figure, how many records; the seed to draw the same again. */
function DrawModal({ onClose, onDrawn }: { onClose(): void; onDrawn(id: string): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DrawValues>();
  const create = useCreateSpotCheck();
  const submit = (v: DrawValues) => {
    const [section, figure] = v.figure.split('.') as [string, string];
    create.mutate(
      { regionId: v.regionId, section, figure, size: v.size, seed: v.seed ?? undefined },
      {
        onSuccess: (s) => {
          onClose();
          onDrawn(s.id);
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t('supervision.newSpotCheck')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('supervision.newSpotCheck')}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ size: 10, figure: SPOT_FIGURES[0] }}>
        <Form.Item name="regionId" label={t('supervision.spotRegion')} rules={[{ required: true }]}>
          <RegionTreeSelect aria-label={t('supervision.spotRegion')} />
        </Form.Item>
        <Form.Item name="figure" label={t('supervision.figure')} rules={[{ required: true }]}>
          <Select
            aria-label={t('supervision.figure')}
            options={SPOT_FIGURES.map((f) => ({ value: f, label: t(`supervision.spotFigures.${f}`) }))}
          />
        </Form.Item>
        <Form.Item name="size" label={t('supervision.sampleSize')} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="seed" label={t('supervision.seed')} extra={t('supervision.seedHint')}>
          <InputNumber min={0} max={2147483647} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
