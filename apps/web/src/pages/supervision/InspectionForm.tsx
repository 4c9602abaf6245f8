import { FINDING_SEVERITIES, PLACE_KINDS, PLACE_RECORD_KINDS, shanghaiDateOf, type PlaceKind } from '@fangkong/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Form, Grid, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, applyFieldErrors, errorMessage } from '../../api/client';
import { useCheckpoints } from '../../api/checkpoints';
import { serverNow } from '../../api/server-clock';
import { useChecklists, type CreateInspectionBody, type InspectionDetail } from '../../api/supervision';
import type { ObservationSitePage } from '../../api/types';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { CadreFields } from './CadreFields';
import { newId, outbox } from '../../offline';

interface Values {
  placeKind: PlaceKind;
  placeId?: string;
  regionId?: string;
  placeName?: string;
  unannounced: boolean;
  answers: Record<
    string,
    {
      ok?: 'pass' | 'fail' | 'na';
      remark?: string;
      severity?: string;
      deadline?: string;
      regionId?: string;
      responsiblePerson?: string;
    }
  >;
  findings?: {
    description: string;
    regionId: string;
    severity: string;
    deadline?: string;
    responsiblePerson?: string;
  }[];
  cadres?: { name: string; post?: string; presence: 'present' | 'absent' | 'replaced'; replacedBy?: string }[];
  remarks?: string;
}

/** 录入督查 on a phone: where, announced or not, the checklist item by item, other findings, remarks. */
export default function InspectionForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const id = useRef(newId());
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('placeKind', form) ?? 'checkpoint';
  const answers = Form.useWatch('answers', form) ?? {};
  const checklists = useChecklists();
  const items = checklists.data?.items.find((c) => c.placeKind === kind)?.items ?? [];
  const checkpoints = useCheckpoints({ status: 'open' });
  const sites = useQuery({
    queryKey: ['observationSites'],
    queryFn: ({ signal }) => api.get<ObservationSitePage>('/api/v1/observation-sites', undefined, signal),
    enabled: kind === 'observationSite',
  });
  const today = shanghaiDateOf(serverNow());
  const isRecord = (PLACE_RECORD_KINDS as readonly string[]).includes(kind);
  const severities = FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`supervision.severities.${s}`) }));

  async function submit(v: Values) {
    const body: CreateInspectionBody = {
      id: id.current,
      placeKind: v.placeKind,
      ...(isRecord ? { placeId: v.placeId } : { regionId: v.regionId, placeName: v.placeName || undefined }),
      unannounced: v.unannounced,
      inspectedAt: serverNow().toISOString(),
      answers: items
        .filter((i) => v.answers?.[i.key]?.ok)
        .map((i) => {
          const a = v.answers[i.key]!;
          return {
            key: i.key,
            ok: a.ok === 'pass' ? true : a.ok === 'fail' ? false : null,
            remark: a.remark || undefined,
            ...(a.ok === 'fail'
              ? {
                  finding: {
                    severity: (a.severity ?? 'major') as 'major',
                    deadline: a.deadline || today,
                    regionId: a.regionId,
                    responsiblePerson: a.responsiblePerson || undefined,
                  },
                }
              : {}),
          };
        }),
      findings: (v.findings ?? []).map((f) => ({
        ...f,
        severity: f.severity as 'major',
        deadline: f.deadline || today,
      })),
      cadres: (v.cadres ?? []).map((c) => ({
        name: c.name,
        post: c.post || undefined,
        presence: c.presence,
        replacedBy: c.presence === 'replaced' ? c.replacedBy || undefined : undefined,
      })),
      remarks: v.remarks || undefined,
    };
    setSaving(true);
    try {
      const result = await outbox.submit<InspectionDetail>({
        id: id.current,
        method: 'POST',
        url: '/api/v1/inspections',
        body,
        label: t('supervision.newInspection'),
      });
      if (result.status === 'queued') void message.info(t('outbox.savedOffline'));
      else void message.success(t('supervision.recorded', { count: result.data.findings }));
      void queryClient.invalidateQueries({ queryKey: ['supervision'] });
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('supervision.newInspection')}
      placement={isPhone ? 'bottom' : 'right'}
      height="100%"
      width={640}
      destroyOnHidden
      extra={
        <Button type="primary" loading={saving} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ placeKind: 'checkpoint', unannounced: true, answers: {}, findings: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="placeKind" label={t('supervision.placeKind')} rules={[{ required: true }]}>
          <Select
            options={PLACE_KINDS.map((k) => ({ value: k, label: t(`supervision.placeKinds.${k}`) }))}
            onChange={() => form.setFieldsValue({ placeId: undefined, answers: {} })}
          />
        </Form.Item>
        {kind === 'checkpoint' && (
          <Form.Item name="placeId" label={t('supervision.place')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={checkpoints.isLoading}
              options={(checkpoints.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        )}
        {kind === 'observationSite' && (
          <Form.Item name="placeId" label={t('supervision.place')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={sites.isLoading}
              options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        )}
        {!isRecord && (
          <Form.Item name="regionId" label={t('supervision.place')} rules={[{ required: true }]}>
            <RegionTreeSelect aria-label={t('supervision.place')} />
          </Form.Item>
        )}
        {(kind === 'office' || kind === 'clinic') && (
          <Form.Item name="placeName" label={t('supervision.placeName')}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="unannounced" label={t('supervision.unannounced')} valuePropName="checked">
          <Switch />
        </Form.Item>

        <Typography.Title level={5}>{t('supervision.checklists')}</Typography.Title>
        {checklists.isError && <Alert type="error" showIcon message={errorMessage(checklists.error)} />}
        {items.map((item) => (
          <Card
            key={item.key}
            size="small"
            style={{ marginBottom: 8 }}
            title={<Typography.Text style={{ whiteSpace: 'normal' }}>{item.label}</Typography.Text>}
          >
            <Form.Item name={['answers', item.key, 'ok']} style={{ marginBottom: 8 }}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                aria-label={item.label}
                options={[
                  { value: 'pass', label: t('supervision.pass') },
                  { value: 'fail', label: t('supervision.fail') },
                  { value: 'na', label: t('supervision.na') },
                ]}
              />
            </Form.Item>
            {answers[item.key]?.ok === 'fail' && (
              <>
                <Form.Item name={['answers', item.key, 'remark']} label={t('supervision.remark')}>
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <Space wrap>
                  <Form.Item
                    name={['answers', item.key, 'severity']}
                    label={t('supervision.severity')}
                    initialValue="major"
                  >
                    <Select style={{ width: 120 }} options={severities} />
                  </Form.Item>
                  <Form.Item
                    name={['answers', item.key, 'deadline']}
                    label={t('supervision.deadline')}
                    initialValue={today}
                  >
                    <Input type="date" min={today} />
                  </Form.Item>
                </Space>
                <Form.Item
                  name={['answers', item.key, 'regionId']}
                  label={t('supervision.responsibleRegion')}
                  extra={t('supervision.sameRegion')}
                >
                  <RegionTreeSelect />
                </Form.Item>
                <Form.Item name={['answers', item.key, 'responsiblePerson']} label={t('supervision.responsiblePerson')}>
                  <Input maxLength={50} />
                </Form.Item>
              </>
            )}
          </Card>
        ))}

        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  extra={
                    <Button size="small" danger onClick={() => remove(f.name)}>
                      {t('supervision.remove')}
                    </Button>
                  }
                >
                  <Form.Item
                    name={[f.name, 'description']}
                    label={t('supervision.description')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input.TextArea rows={2} maxLength={500} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'regionId']}
                    label={t('supervision.responsibleRegion')}
                    rules={[{ required: true }]}
                  >
                    <RegionTreeSelect />
                  </Form.Item>
                  <Space wrap>
                    <Form.Item name={[f.name, 'severity']} label={t('supervision.severity')} initialValue="major">
                      <Select style={{ width: 120 }} options={severities} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'deadline']} label={t('supervision.deadline')} initialValue={today}>
                      <Input type="date" min={today} />
                    </Form.Item>
                  </Space>
                  <Form.Item name={[f.name, 'responsiblePerson']} label={t('supervision.responsiblePerson')}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Card>
              ))}
              <Button block onClick={() => add()} style={{ marginBottom: 16 }}>
                {t('supervision.addFinding')}
              </Button>
            </>
          )}
        </Form.List>
        <CadreFields />
        <Form.Item name="remarks" label={t('supervision.remarks')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
