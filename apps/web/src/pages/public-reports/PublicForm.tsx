import { Alert, Button, Form, Input, Result, Select, Typography, type FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors, errorMessage } from '../../api/client';
import { deviceId, fetchChallenge } from '../../api/publicReports';
import type { PublicChallenge, PublicReceipt, PublicReportOptions } from '../../api/types';

/** The frame of a public page: one column that fits a 360 px phone and WeChat's browser. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main style={{ maxWidth: 520, margin: '0 auto', padding: '12px 12px 32px' }}>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {title}
      </Typography.Title>
      {children}
    </main>
  );
}

/** Villages grouped under their township; the township itself stands for "village not known". */
export function RegionSelect({ options, ...rest }: { options?: PublicReportOptions; id?: string }) {
  const { t } = useTranslation();
  const regions = options?.regions ?? [];
  const groups = regions
    .filter((r) => r.level === 'township')
    .map((tw) => ({
      label: tw.name,
      title: tw.name,
      options: [
        ...regions.filter((v) => v.parentId === tw.id).map((v) => ({ value: v.id, label: v.name })),
        { value: tw.id, label: t('publicReports.villageUnknown', { township: tw.name }) },
      ],
    }));
  return <Select {...rest} showSearch optionFilterProp="label" options={groups} size="large" />;
}

/** The values without empty answers: an optional field left blank is not sent. */
function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== '' && x !== undefined && x !== null)
        .map(([k, x]) => [k, clean(x)]),
    );
  return typeof v === 'string' ? v.trim() : v;
}

/**
 * Sends a public form: past the limit the server asks an arithmetic question, shown here and sent
 * with the next try; field errors land on their fields.
 */
export function usePublicSend(form: FormInstance, send: (body: Record<string, unknown>) => Promise<PublicReceipt>) {
  const { t } = useTranslation();
  const [challenge, setChallenge] = useState<PublicChallenge | null>(null);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: ({ challenge: answer, ...values }: Record<string, unknown>) =>
      send({
        ...(clean(values) as Record<string, unknown>),
        deviceId: deviceId(),
        ...(challenge ? { challenge: { token: challenge.token, answer: String(answer ?? '') } } : {}),
      }),
    onMutate: () => setUnplaced(null),
    onError: async (error) => {
      if (error instanceof ApiError && error.fieldErrors.some((f) => f.field === 'challenge')) {
        setChallenge(await fetchChallenge());
        form.setFieldValue('challenge', '');
      }
      if (!applyFieldErrors(form, error)) setUnplaced(error);
    },
  });
  const challengeField = challenge && (
    <Form.Item
      name="challenge"
      label={`${t('publicReports.challenge')} ${challenge.question}`}
      rules={[{ required: true }]}
    >
      <Input size="large" inputMode="numeric" autoComplete="off" />
    </Form.Item>
  );
  const problem = unplaced ? <Alert type="error" showIcon message={errorMessage(unplaced)} /> : null;
  return { mutation, challengeField, problem };
}

/** The answer: the receipt number to keep and what to do next. */
export function ReceiptResult({ receipt, title, next }: { receipt: PublicReceipt; title: string; next: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={title}
      subTitle={
        <>
          <Typography.Paragraph>
            {t('publicReports.receipt')}
            <Typography.Text strong copyable style={{ fontSize: 22, marginInlineStart: 8 }} data-testid="receipt">
              {receipt.receipt}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph style={{ textAlign: 'start' }}>{next}</Typography.Paragraph>
        </>
      }
      extra={
        <Button type="primary" size="large" onClick={() => window.location.reload()}>
          {t('publicReports.another')}
        </Button>
      }
    />
  );
}
