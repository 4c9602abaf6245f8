import { can, findingActions, type FindingAction } from '@fangkong/domain';
import { Alert, App, Button, Form, Input, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { findingsFileUrl, useFindings, useRectify, useReview, useWaiting, type Finding } from '../../api/supervision';
import { useMe } from '../../auth/session';
import { DrillBanner } from '../../components/DrillFilter';
import { ResponsiveTable } from '../../components/ResponsiveTable';

const WaitingModal = lazy(() => import('./WaitingModal'));

const VIEWS = ['open', 'overdue', 'escalated', 'closed', 'all'] as const;
const STATUS_COLOR = { assigned: 'orange', rectifying: 'blue', reported: 'purple', closed: 'green' } as const;
const SEVERITY_COLOR = { minor: 'default', major: 'orange', serious: 'red' } as const;

/** 问题清单: open findings by deadline, each with the steps the caller may take on it. */
export function FindingsTab({ drill }: { drill: Record<string, string> | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const [view, setView] = useState<(typeof VIEWS)[number]>('open');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const filter =
    drill ??
    (view === 'open'
      ? { open: 'true' }
      : view === 'overdue'
        ? { overdue: 'true' }
        : view === 'escalated'
          ? { escalated: 'true' }
          : view === 'closed'
            ? { status: 'closed' }
            : {});
  const findings = useFindings({ ...paging, ...filter });
  const [acting, setActing] = useState<{ finding: Finding; action: FindingAction } | null>(null);
  const [waitingOn, setWaitingOn] = useState<Finding | null>(null);
  const release = useWaiting();
  const { message } = App.useApp();
  const canRectify = can(me.role, 'findings.rectify');
  const fileQuery = filter;
  const allowed = (a: FindingAction) =>
    can(me.role, a === 'start' || a === 'report' ? 'findings.rectify' : 'inspections.record');
  return (
    <>
      {drill ? (
        <DrillBanner total={findings.data?.total} />
      ) : (
        <Segmented
          style={{ marginBottom: 8, maxWidth: '100%', overflowX: 'auto' }}
          value={view}
          onChange={(v) => {
            setView(v as typeof view);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={VIEWS.map((v) => ({ value: v, label: t(`supervision.${v}`) }))}
        />
      )}
      <Space style={{ marginBottom: 8 }} wrap>
        <Button href={findingsFileUrl('ledger', fileQuery)}>{t('supervision.ledger')}</Button>
        {/* The circular reports rectified and open findings alike: every finding, whatever the view. */}
        <Button href={findingsFileUrl('circular', drill ?? {})}>{t('supervision.circular')}</Button>
      </Space>
      {findings.isError && <Alert type="error" showIcon message={errorMessage(findings.error)} />}
      <ResponsiveTable<Finding>
        rowKey="id"
        size="middle"
        aria-label={t('supervision.findings')}
        loading={findings.isFetching}
        dataSource={findings.data?.items ?? []}
        actionKeys={['actions']}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: findings.data?.total ?? 0,
          showTotal: (count) => t('common.total', { count }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: t('supervision.description'),
            dataIndex: 'description',
            render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
          },
          {
            title: t('supervision.responsibleRegion'),
            key: 'region',
            render: (_, f) => [f.regionName, f.responsiblePerson].filter(Boolean).join(' · '),
          },
          { title: t('supervision.place'), dataIndex: 'placeName' },
          {
            title: t('supervision.severity'),
            dataIndex: 'severity',
            render: (s: Finding['severity']) => <Tag color={SEVERITY_COLOR[s]}>{t(`supervision.severities.${s}`)}</Tag>,
          },
          {
            title: t('supervision.deadline'),
            key: 'deadline',
            render: (_, f) => (
              <Space size={4}>
                {f.deadline}
                {f.overdue && <Tag color="red">{t('supervision.overdue')}</Tag>}
                {f.waiting && (
                  <Tag color="gold" title={f.waiting.note ?? undefined}>
                    {t('supervision.waiting')} · {f.waiting.storeName}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('supervision.status'),
            dataIndex: 'status',
            render: (s: Finding['status']) => <Tag color={STATUS_COLOR[s]}>{t(`supervision.statuses.${s}`)}</Tag>,
          },
          {
            title: t('supervision.evidence'),
            key: 'evidence',
            render: (_, f) =>
              [f.evidence, f.reviewNote && `${t('supervision.reviewNote')}: ${f.reviewNote}`]
                .filter(Boolean)
                .join(' / ') || '—',
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, f) => (
              <Space size="small" wrap>
                {findingActions(f.status)
                  .filter(allowed)
                  .map((a) => (
                    <Button
                      key={a}
                      size="small"
                      type={a === 'report' || a === 'verify' ? 'primary' : 'default'}
                      danger={a === 'sendBack'}
                      onClick={() => setActing({ finding: f, action: a })}
                    >
                      {t(`supervision.${a}`)}
                    </Button>
                  ))}
                {canRectify && !f.waiting && (f.status === 'assigned' || f.status === 'rectifying') && !f.overdue && (
                  <Button size="small" onClick={() => setWaitingOn(f)}>
                    {t('supervision.waitOnSupply')}
                  </Button>
                )}
                {canRectify && f.waiting && (
                  <Button
                    size="small"
                    loading={release.isPending}
                    onClick={() =>
                      release.mutate(
                        { id: f.id, body: { action: 'release' } },
                        { onError: (e) => void message.error(errorMessage(e)) },
                      )
                    }
                  >
                    {t('supervision.releaseWaiting')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {acting && <StepModal {...acting} onClose={() => setActing(null)} />}
      {waitingOn && (
        <Suspense fallback={null}>
          <WaitingModal finding={waitingOn} onClose={() => setWaitingOn(null)} />
        </Suspense>
      )}
    </>
  );
}

/** One step of a finding's life: evidence for a report, a reason to send back, a note to verify. */
function StepModal({ finding, action, onClose }: { finding: Finding; action: FindingAction; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ evidence?: string; note?: string }>();
  const rectify = useRectify();
  const review = useReview();
  const pending = rectify.isPending || review.isPending;
  const done = {
    onSuccess: () => {
      void message.success(t('supervision.saved'));
      onClose();
    },
    onError: (err: unknown) => {
      if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
    },
  };
  const submit = (v: { evidence?: string; note?: string }) => {
    if (action === 'start') rectify.mutate({ id: finding.id, body: { action } }, done);
    else if (action === 'report')
      rectify.mutate({ id: finding.id, body: { action, evidence: v.evidence ?? '' } }, done);
    else if (action === 'verify') review.mutate({ id: finding.id, body: { action, note: v.note || undefined } }, done);
    else review.mutate({ id: finding.id, body: { action, note: v.note ?? '' } }, done);
  };
  return (
    <Modal
      open
      title={`${t(`supervision.${action}`)} · ${finding.description}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      okText={t(`supervision.${action}`)}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {action === 'start' && (
          <Typography.Paragraph>
            {finding.regionName} · {finding.deadline}
          </Typography.Paragraph>
        )}
        {action === 'report' && (
          <Form.Item name="evidence" label={t('supervision.evidence')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'verify' && (
          <>
            <Typography.Paragraph>{finding.evidence}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('supervision.verifyConfirm')}</Typography.Paragraph>
            <Form.Item name="note" label={t('supervision.reviewNote')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {action === 'sendBack' && (
          <Form.Item name="note" label={t('supervision.sendBackReason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
