import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Switch } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useRiskAreas } from '../../api/register';
import { screeningKeys } from '../../api/screening';
import type { CreateVisitBody, RoundHousehold, Visit } from '../../api/types';
import { newId, outbox } from '../../offline';
import { MemberAnswers } from './MemberAnswers';

const OUTCOMES = ['visited', 'nobodyHome', 'away', 'refused'] as const;
const NOTICES = ['healthNotice', 'returneeNotice', 'isolationNotice', 'penaltyNotice'] as const;
type Outcome = (typeof OUTCOMES)[number];

interface MemberValues {
  personId?: string;
  newPerson?: { name?: string; idNumber?: string; birthDate?: string; guardianName?: string; phone?: string };
  present?: boolean;
  awayPlace?: string;
  symptoms?: string[];
  temperature?: string;
  travel?: { place?: string; riskAreaId?: string; from?: string; to?: string }[];
}
interface Values {
  outcome: Outcome;
  pledgeSigned: boolean;
  notices: string[];
  note?: string;
  members: MemberValues[];
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The visit form: works offline through the shared outbox; the visit's id is made once, so a resend is the same visit. */
export function VisitForm({
  roundId,
  household,
  onDone,
}: {
  roundId: string;
  household: RoundHousehold;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const riskAreas = useRiskAreas();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const visitId = useRef(newId());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  // The members come with the list, so the form opens offline too.
  const { id: householdId, address, members } = household;
  const answered = outcome === 'visited' || outcome === 'away';

  const onFinish = async (v: Values) => {
    const body: CreateVisitBody = {
      id: visitId.current,
      householdId,
      outcome: v.outcome,
      pledgeSigned: v.pledgeSigned,
      notices: v.notices as CreateVisitBody['notices'],
      note: blank(v.note),
      visitedAt: new Date().toISOString(),
      members: answered
        ? v.members.map((m) => ({
            personId: m.personId,
            newPerson: m.newPerson && {
              name: m.newPerson.name ?? '',
              idNumber: blank(m.newPerson.idNumber),
              birthDate: blank(m.newPerson.birthDate),
              guardianName: blank(m.newPerson.guardianName),
              phone: blank(m.newPerson.phone),
            },
            present: m.present ?? false,
            awayPlace: m.present ? undefined : blank(m.awayPlace),
            symptoms: m.symptoms ?? [],
            temperature: blank(m.temperature),
            travel: (m.travel ?? []).map((x) => ({
              place: x.place ?? '',
              from: x.from ?? '',
              to: blank(x.to),
              riskAreaId: x.riskAreaId,
            })),
          }))
        : [],
    };
    setBusy(true);
    setError(undefined);
    try {
      const result = await outbox.submit<Visit>({
        id: visitId.current,
        method: 'POST',
        url: `/api/v1/screening/rounds/${roundId}/visits`,
        body,
        label: `${address} ${t(`outcomes.${v.outcome}`)}`,
      });
      if (result.status === 'queued') message.info(t('outbox.savedOffline'));
      else {
        const leads = result.data.members.filter((m) => m.leadId).length;
        message.success(leads ? `${t('field.saved')} · ${t('field.leadRaised', { count: leads })}` : t('field.saved'));
      }
      void queryClient.invalidateQueries({ queryKey: screeningKeys.all });
      onDone();
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void onFinish(v)}
      initialValues={{
        outcome: 'visited',
        pledgeSigned: false,
        notices: [],
        members: members.map((m) => ({ personId: m.id, present: true, symptoms: [], travel: [] })),
      }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="outcome" label={t('field.outcome')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="large"
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
        />
      </Form.Item>
      {answered && (
        <>
          <Form.Item name="pledgeSigned" label={t('field.pledge')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="notices" label={t('field.notices')}>
            <Checkbox.Group options={NOTICES.map((n) => ({ value: n, label: t(`notices.${n}`) }))} />
          </Form.Item>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => {
                  const known = members[f.name];
                  return (
                    <MemberAnswers
                      key={f.key}
                      index={f.name}
                      isNew={!known}
                      riskAreas={riskAreas.data?.items ?? []}
                      title={known ? known.name : t('field.newMember')}
                      onRemove={known ? undefined : () => remove(f.name)}
                    />
                  );
                })}
                <Button
                  block
                  size="large"
                  icon={<PlusOutlined />}
                  style={{ marginBottom: 16 }}
                  onClick={() => add({ newPerson: {}, present: true, symptoms: [], travel: [] })}
                >
                  {t('field.addMember')}
                </Button>
              </>
            )}
          </Form.List>
        </>
      )}
      <Form.Item name="note" label={t('field.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} style={{ height: 52 }}>
        {t('field.submit')}
      </Button>
    </Form>
  );
}
