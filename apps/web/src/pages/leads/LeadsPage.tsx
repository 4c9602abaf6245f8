import { KEY_PERSON_CATEGORIES, MEASURES, shanghaiDateOf, can, formatDuration, minutesUntil } from '@fangkong/domain';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrillBanner, useDrillFilter } from '../../components/DrillFilter';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { serverNow } from '../../api/server-clock';
import { useDismissLead, useLeads, useVerifyLead, type LeadFilter } from '../../api/leads';
import { currentLocale } from '../../i18n';
import type { Lead } from '../../api/types';
import { useMe } from '../../auth/session';
import { LeadListsTab } from './LeadListsTab';
import { LeadPublicDetail, MaliciousButton, hasPublicSource } from './LeadPublicDetail';
import { UnmatchedLeadModal, type UnmatchedAction } from './UnmatchedLeadModal';

const LeadImportDialog = lazy(() => import('./LeadImportDialog'));

const TABS = ['open', 'overdue', 'unmatched', 'verified', 'dismissed', 'lists'] as const;

/** The lead inbox: every name to verify, soonest deadline first, with where it came from. */
export default function LeadsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [tab, setTab] = useState<(typeof TABS)[number]>('open');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const drill = useDrillFilter();
  const showLists = tab === 'lists' && !drill;
  const filter: LeadFilter = drill
    ? { ...paging, ...drill }
    : {
        ...paging,
        ...(tab === 'overdue'
          ? { status: 'open', overdue: 'true' }
          : tab === 'unmatched'
            ? { status: 'open', unmatched: 'true' }
            : tab === 'lists'
              ? {}
              : { status: tab }),
      };
  const leads = useLeads(filter, !showLists);
  const [verifying, setVerifying] = useState<Lead | null>(null);
  const [dismissing, setDismissing] = useState<Lead | null>(null);
  const [handling, setHandling] = useState<{ lead: Lead; action: UnmatchedAction } | null>(null);
  const canManage = can(me.role, 'leads.manage');
  const canMarkMalicious = can(me.role, 'leads.markMalicious');
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('leads.title')}
        </Typography.Title>
        {canManage && <LeadImportButton />}
      </Space>
      {drill && <DrillBanner total={leads.data?.total} />}
      <Tabs
        activeKey={drill ? '' : tab}
        onChange={(k) => {
          setTab(k as typeof tab);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        items={TABS.map((k) => ({ key: k, label: t(`leads.${k}`) }))}
      />
      {showLists ? (
        <LeadListsTab canManage={canManage} onUnmatched={() => setTab('unmatched')} />
      ) : (
        <>
          {leads.isError && <Alert type="error" showIcon message={errorMessage(leads.error)} />}
          <Table<Lead>
            rowKey="id"
            size="middle"
            loading={leads.isFetching}
            dataSource={leads.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            expandable={{ rowExpandable: hasPublicSource, expandedRowRender: (l) => <LeadPublicDetail lead={l} /> }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: leads.data?.total ?? 0,
              showTotal: (count) => t('common.total', { count }),
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
            columns={[
              { title: t('keyPersons.name'), dataIndex: 'name', fixed: 'left' },
              { title: t('keyPersons.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
              {
                title: t('keyPersons.region'),
                key: 'region',
                render: (_, l) =>
                  l.regionLevel === 'village' || l.regionLevel === 'group' ? (
                    l.regionName
                  ) : (
                    <Tag color="orange">{t('leads.unmatched')}</Tag>
                  ),
              },
              {
                title: t('leads.sources'),
                key: 'sources',
                render: (_, l) => (
                  <Space size={2} wrap>
                    {l.sources.map((s) => (
                      <Tag key={s.id}>
                        {(s.detail?.issuer as string | undefined) ?? t(`keyPersons.sources.${s.source}`)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { title: t('leads.deadline'), key: 'deadline', render: (_, l) => <Deadline lead={l} /> },
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right',
                render: (_, l) =>
                  canManage &&
                  l.status === 'open' && (
                    <Space size="small">
                      {!l.personId && (
                        <>
                          <Button type="link" size="small" onClick={() => setHandling({ lead: l, action: 'place' })}>
                            {t('leads.place')}
                          </Button>
                          <Button type="link" size="small" onClick={() => setHandling({ lead: l, action: 'link' })}>
                            {t('leads.link')}
                          </Button>
                          <Button type="link" size="small" onClick={() => setHandling({ lead: l, action: 'merge' })}>
                            {t('leads.merge')}
                          </Button>
                        </>
                      )}
                      <Button type="link" size="small" onClick={() => setVerifying(l)}>
                        {t('leads.verify')}
                      </Button>
                      <Button type="link" size="small" danger onClick={() => setDismissing(l)}>
                        {t('leads.dismiss')}
                      </Button>
                      {canMarkMalicious && <MaliciousButton lead={l} />}
                    </Space>
                  ),
              },
            ]}
          />
        </>
      )}
      {verifying && <VerifyModal lead={verifying} onClose={() => setVerifying(null)} />}
      {dismissing && <DismissModal lead={dismissing} onClose={() => setDismissing(null)} />}
      {handling && <UnmatchedLeadModal {...handling} onClose={() => setHandling(null)} />}
    </>
  );
}

function Deadline({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  if (lead.status !== 'open')
    return <>{lead.resolution === 'malicious' ? t('leads.maliciousResolution') : (lead.resolution ?? '—')}</>;
  // The server's clock and the one formatter of the triage tasks' deadlines: 剩余 1 小时 59 分, not 1h59m.
  const minutes = minutesUntil(lead.deadline, serverNow());
  const time = formatDuration(minutes, currentLocale());
  return (
    <Space size={4}>
      <Tag color={minutes < 0 ? 'red' : minutes < 30 ? 'orange' : 'blue'}>
        {minutes < 0 ? t('leads.overdueBy', { time }) : t('leads.remaining', { time })}
      </Tag>
      {lead.escalatedAt && <Tag color="red">{t('leads.escalated')}</Tag>}
    </Space>
  );
}

function VerifyModal({ lead, onClose }: { lead: Lead; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const verify = useVerifyLead();
  return (
    <Modal
      open
      title={`${t('leads.verify')} · ${lead.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={verify.isPending}
      okButtonProps={{ disabled: !lead.personId }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ category: 'returnee', measure: 'homeIsolation', startDate: shanghaiDateOf(serverNow()) }}
        onFinish={(body) =>
          verify.mutate(
            { id: lead.id, body },
            {
              onSuccess: (r) => {
                onClose();
                void navigate(`/key-persons/${r.keyPersonId}`);
              },
              onError: (err) => {
                if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
              },
            },
          )
        }
      >
        <Form.Item name="category" label={t('keyPersons.category')} rules={[{ required: true }]}>
          <Select options={KEY_PERSON_CATEGORIES.map((c) => ({ value: c, label: t(`keyPersons.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="measure" label={t('keyPersons.measure')} rules={[{ required: true }]}>
          <Select options={MEASURES.map((m) => ({ value: m, label: t(`keyPersons.measures.${m}`) }))} />
        </Form.Item>
        <Form.Item name="startDate" label={t('keyPersons.startDate')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        {!lead.personId && <Alert type="warning" showIcon message={t('leads.needsPerson')} />}
      </Form>
    </Modal>
  );
}

function DismissModal({ lead, onClose }: { lead: Lead; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const dismiss = useDismissLead();
  return (
    <Modal
      open
      title={`${t('leads.dismiss')} · ${lead.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={dismiss.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          dismiss.mutate(
            { id: lead.id, reason },
            {
              onSuccess: onClose,
              onError: (err) => {
                if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
              },
            },
          )
        }
      >
        <Form.Item name="reason" label={t('leads.dismissReason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LeadImportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('leads.import')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <LeadImportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
