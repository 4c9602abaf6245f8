import { AGE_GROUP_KEYS, COVERAGE_DOSES, rolesWith, UNVACCINATED_REASONS } from '@fangkong/domain';
import { App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { applyFieldErrors, errorMessage } from '../../api/client';
import {
  useRecordFollowUp,
  useVaccinationPersons,
  type UnvaccinatedReason,
  type VaccinationPerson,
} from '../../api/vaccinations';
import { hasRole } from '../../auth/roles';
import { useMe } from '../../auth/session';
import { DrillBanner } from '../../components/DrillFilter';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { DoseModal } from './DoseModal';

const RECORDERS = rolesWith('persons.manage');

/**
 * 政府找人: the persons of a group without a dose, for the grid workers to visit, with the reason
 * found. Opened from a figure, the address holds its filter (the list then counts what it counted).
 */
export function NotVaccinatedList() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  // A figure's drill-down names its day (and its dose and status, but for the population).
  const drilled = params.has('status') || params.has('dose') || params.has('day');
  const q = {
    regionId: params.get('regionId') ?? undefined,
    day: params.get('day') ?? undefined,
    ageGroup: params.get('ageGroup') ?? undefined,
    dose: params.get('dose') ?? 'first',
    status: params.get('status') ?? (drilled ? undefined : 'notVaccinated'),
    reason: params.get('reason') ?? undefined,
    page: Number(params.get('page') ?? 1),
  };
  const persons = useVaccinationPersons(q);
  const [asking, setAsking] = useState<VaccinationPerson | null>(null);
  const [dosing, setDosing] = useState<VaccinationPerson | null>(null);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };
  const canRecord = hasRole(me.role, RECORDERS);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '16px 0 8px' }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {q.status === 'notVaccinated' ? t('vaccinations.notVaccinated') : t('vaccinations.persons')} ·{' '}
          {persons.data?.total ?? 0}
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label={t('vaccinations.ageGroup')}
            allowClear
            placeholder={t('vaccinations.ageGroup')}
            value={q.ageGroup}
            onChange={(v) => set('ageGroup', v)}
            style={{ minWidth: 120 }}
            options={AGE_GROUP_KEYS.map((g) => ({ value: g, label: t(`vaccinations.ageGroups.${g}`) }))}
          />
          <Select
            aria-label={t('vaccinations.dose')}
            value={q.dose}
            onChange={(v) => set('dose', v)}
            style={{ minWidth: 120 }}
            options={COVERAGE_DOSES.map((d) => ({ value: d, label: t(`vaccinations.doses.${d}`) }))}
          />
          <Select
            aria-label={t('vaccinations.reasonFilter')}
            allowClear
            placeholder={t('vaccinations.reasonFilter')}
            value={q.reason}
            onChange={(v) => set('reason', v)}
            style={{ minWidth: 140 }}
            options={[
              { value: 'none', label: t('vaccinations.noReason') },
              ...UNVACCINATED_REASONS.map((r) => ({ value: r, label: t(`vaccinations.reasons.${r}`) })),
            ]}
          />
        </Space>
      </Space>
      {drilled && <DrillBanner total={persons.data?.total} />}
      <ResponsiveTable<VaccinationPerson>
        aria-label={t('vaccinations.notVaccinated')}
        size="small"
        rowKey="personId"
        loading={persons.isLoading}
        dataSource={persons.data?.items ?? []}
        actionKeys={['action']}
        pagination={{
          current: q.page,
          pageSize: 20,
          total: persons.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => {
            const next = new URLSearchParams(params);
            next.set('page', String(page));
            setParams(next);
          },
        }}
        columns={[
          { title: t('vaccinations.name'), dataIndex: 'name', key: 'name' },
          { title: t('vaccinations.idNumber'), dataIndex: 'idNumber', key: 'idNumber' },
          {
            title: t('vaccinations.ageGroup'),
            dataIndex: 'ageGroup',
            key: 'ageGroup',
            render: (g: string) => t(`vaccinations.ageGroups.${g}` as never),
          },
          { title: t('vaccinations.region'), dataIndex: 'regionName', key: 'regionName' },
          { title: t('vaccinations.address'), dataIndex: 'address', key: 'address' },
          {
            title: t('vaccinations.reason'),
            dataIndex: 'reason',
            key: 'reason',
            render: (r: string | null) => (r ? t(`vaccinations.reasons.${r}` as never) : null),
          },
          ...(canRecord
            ? [
                {
                  title: t('vaccinations.actions'),
                  key: 'action',
                  render: (_: unknown, p: VaccinationPerson) => (
                    <Space size="small" wrap>
                      <Button size="small" onClick={() => setDosing(p)}>
                        {t('vaccinations.recordDose')}
                      </Button>
                      <Button size="small" onClick={() => setAsking(p)}>
                        {t('vaccinations.recordReason')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {asking && <FollowUpModal person={asking} onClose={() => setAsking(null)} />}
      {dosing && <DoseModal person={dosing} onClose={() => setDosing(null)} />}
    </>
  );
}

function FollowUpModal({ person, onClose }: { person: VaccinationPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: UnvaccinatedReason; note?: string }>();
  const record = useRecordFollowUp();
  const submit = (values: { reason: UnvaccinatedReason; note?: string }) =>
    record.mutate(
      { personId: person.personId, ...values },
      {
        onSuccess: () => {
          void message.success(t('vaccinations.saved'));
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
      title={`${t('vaccinations.recordReason')} · ${person.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reason: person.reason ?? undefined }}>
        <Form.Item name="reason" label={t('vaccinations.reason')} rules={[{ required: true }]}>
          <Select options={UNVACCINATED_REASONS.map((r) => ({ value: r, label: t(`vaccinations.reasons.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('vaccinations.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
