import { SYMPTOMS } from '@fangkong/domain';
import { Alert, Button, Card, Checkbox, Input, Result, Space, Spin, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { sendCheckIn, useCheckIn } from '../../api/checkIn';

type Symptom = (typeof SYMPTOMS)[number];

/** 居家健康打卡: the public page behind a self check-in link; no login, one big field, any phone. */
export default function CheckInPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const state = useCheckIn(token);
  const [temperature, setTemperature] = useState('');
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const send = useMutation({
    mutationFn: () => sendCheckIn(token, { temperature, symptoms }),
    onSuccess: () => void state.refetch(),
  });

  const shell = (body: React.ReactNode) => <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }}>{body}</div>;
  if (state.isError) return shell(<Result status="warning" title={errorMessage(state.error)} />);
  if (!state.data) return shell(<Spin style={{ display: 'block', margin: 48 }} />);
  const s = state.data;
  const open = s.slots.find((x) => x.state === 'open' && !x.done);
  return shell(
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('checkIn.title')}</Typography.Title>
      <Typography.Text style={{ fontSize: 18 }}>
        {t('checkIn.hello', { name: s.name })}
        <br />
        {t('checkIn.day', { day: s.day, total: s.totalDays })}
      </Typography.Text>
      <Space wrap>
        {s.slots.map((x) => (
          <Tag
            key={x.slot}
            color={x.done ? 'green' : x.state === 'open' ? 'blue' : 'default'}
            style={{ fontSize: 16, padding: 6 }}
          >
            {t('checkIn.slot', { slot: t(`keyPersons.${x.slot}`), opens: x.opens, closes: x.closes })} ·{' '}
            {t(x.done ? 'checkIn.done' : `checkIn.${x.state}`)}
          </Tag>
        ))}
      </Space>
      {send.isSuccess && (
        <Alert
          type={send.data.triage ? 'warning' : 'success'}
          showIcon
          message={send.data.triage ? t('checkIn.feverNote') : t('checkIn.thanks')}
        />
      )}
      {send.isError && <Alert type="error" showIcon message={errorMessage(send.error)} />}
      {open ? (
        <Card>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Text strong>{t('checkIn.temperature')}</Typography.Text>
            <Input
              size="large"
              inputMode="decimal"
              placeholder="36.5"
              value={temperature}
              onChange={(e) => setTemperature(e.target.value)}
              style={{ fontSize: 28 }}
              aria-label={t('checkIn.temperature')}
            />
            <Typography.Text strong>{t('checkIn.symptoms')}</Typography.Text>
            <Checkbox.Group
              value={symptoms}
              onChange={(v) => setSymptoms(v as Symptom[])}
              style={{ display: 'grid', gap: 8 }}
              options={SYMPTOMS.map((x) => ({ value: x, label: t(`keyPersons.symptomNames.${x}`) }))}
            />
            <Button
              type="primary"
              size="large"
              block
              disabled={!temperature}
              loading={send.isPending}
              onClick={() => send.mutate()}
            >
              {t('checkIn.submit')}
            </Button>
          </Space>
        </Card>
      ) : (
        !send.isSuccess && <Alert type="info" showIcon message={t('checkIn.noSlot')} />
      )}
    </Space>,
  );
}
