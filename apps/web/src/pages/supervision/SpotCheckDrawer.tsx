import { FINDING_SEVERITIES, can } from '@fangkong/domain';
import { Alert, App, Button, Descriptions, Drawer, Form, Grid, Input, List, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useRecordOutcome, useSpotCheck, type SpotCheckRecord } from '../../api/supervision';
import { useMe } from '../../auth/session';
import { OUTCOME_COLOR } from './outcomeColor';

/** One spot check: its sampled records, each confirmed or found discrepant (a finding) by the inspector. */
export default function SpotCheckDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const isPhone = Grid.useBreakpoint().md === false;
  const check = useSpotCheck(id);
  const { message } = App.useApp();
  const record = useRecordOutcome();
  const [discrepant, setDiscrepant] = useState<SpotCheckRecord | null>(null);
  const canRecord = can(me.role, 'inspections.record');
  const s = check.data;
  return (
    <Drawer open onClose={onClose} width={isPhone ? '100%' : 560} title={t('supervision.spotChecks')}>
      {check.isError && <Alert type="error" showIcon message={errorMessage(check.error)} />}
      {s && (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('supervision.spotRegion')}>{s.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.reportDay')}>{s.reportDay}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.population')}>{s.population}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.seed')}>{s.seed}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.discrepancyRate')}>
              {s.checked ? `${Math.round((s.discrepant / s.checked) * 100)}%` : '—'}
            </Descriptions.Item>
          </Descriptions>
          <List
            dataSource={s.records}
            renderItem={(r) => (
              <List.Item
                actions={
                  canRecord && r.outcome === 'pending'
                    ? [
                        <Button
                          key="ok"
                          size="small"
                          loading={record.isPending}
                          onClick={() =>
                            record.mutate(
                              { id, recordId: r.id, body: { outcome: 'confirmed' } },
                              { onError: (e) => void message.error(errorMessage(e)) },
                            )
                          }
                        >
                          {t('supervision.confirm')}
                        </Button>,
                        <Button key="no" size="small" danger onClick={() => setDiscrepant(r)}>
                          {t('supervision.discrepant')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={r.label}
                  description={
                    <Space size={4} wrap>
                      <Tag color={OUTCOME_COLOR[r.outcome]}>{t(`supervision.outcomes.${r.outcome}`)}</Tag>
                      {r.regionName}
                      {r.note}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
      {discrepant && <DiscrepantModal id={id} record={discrepant} onClose={() => setDiscrepant(null)} />}
    </Drawer>
  );
}

/** What the resident said; it becomes a finding addressed to the record's region. */
function DiscrepantModal({ id, record, onClose }: { id: string; record: SpotCheckRecord; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string; severity: 'minor' | 'major' | 'serious' }>();
  const save = useRecordOutcome();
  return (
    <Modal
      open
      title={`${t('supervision.discrepant')} · ${record.label}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ severity: 'major' }}
        onFinish={(v) =>
          save.mutate(
            { id, recordId: record.id, body: { outcome: 'discrepant', note: v.note, severity: v.severity } },
            {
              onSuccess: () => {
                void message.success(t('supervision.saved'));
                onClose();
              },
              onError: (err) => {
                if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
              },
            },
          )
        }
      >
        <Form.Item name="note" label={t('supervision.residentSaid')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="severity" label={t('supervision.severity')}>
          <Select options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`supervision.severities.${s}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
