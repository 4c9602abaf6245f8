import { formatDuration, minutesUntil } from '@fangkong/domain';
import { App, Button, Input, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useAcknowledgeTriage, useCloseTriage, useTriageTasks } from '../../api/fileOffice';
import type { TriageTask } from '../../api/types';
import { formatDateTime } from '../../components/labels';
import { serverNow } from '../../api/server-clock';
import { currentLocale } from '../../i18n';
import { TemperatureTag } from '../key-persons/TemperatureTag';
import { DrillBanner, useDrillFilter } from '../../components/DrillFilter';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { ReferralModal } from './ReferralModal';

/** Minutes left to a deadline by the server's clock, ticking every 30 seconds. */
function useMinutesLeft(deadline: string) {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return minutesUntil(deadline, now);
}

function Countdown({ task }: { task: TriageTask }) {
  const { t } = useTranslation();
  const left = useMinutesLeft(task.deadline);
  if (task.status === 'closed')
    return <Typography.Text type="secondary">{formatDateTime(task.deadline)}</Typography.Text>;
  const time = formatDuration(left, currentLocale());
  if (left < 0) return <Tag color="red">{t('triageTasks.overdueBy', { time })}</Tag>;
  return <Tag color={left < 30 ? 'orange' : 'blue'}>{t('triageTasks.left', { time })}</Tag>;
}

/** 预检分诊任务: fevers and red-flag symptoms sent to the township health centre, with their deadlines. */
export default function TriagePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<TriageTask['status']>('open');
  const [page, setPage] = useState(1);
  const [closing, setClosing] = useState<TriageTask | null>(null);
  const [outcome, setOutcome] = useState('');
  const [referring, setReferring] = useState<TriageTask | null>(null);
  const drill = useDrillFilter();
  const tasks = useTriageTasks(drill ? { ...drill, page, pageSize: 20 } : { status, page, pageSize: 20 });
  const acknowledge = useAcknowledgeTriage();
  const close = useCloseTriage();
  const fail = (err: unknown) => void message.error(errorMessage(err));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('triageTasks.title')}
      </Typography.Title>
      {drill && <DrillBanner total={tasks.data?.total} />}
      {!drill && (
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as TriageTask['status']);
            setPage(1);
          }}
          options={(['open', 'acknowledged', 'closed'] as const).map((s) => ({
            value: s,
            label: t(`triageTasks.statuses.${s}`),
          }))}
        />
      )}
      <ResponsiveTable<TriageTask>
        aria-label={t('triageTasks.title')}
        actionKeys={['x']}
        size="small"
        rowKey="id"
        loading={tasks.isLoading}
        dataSource={tasks.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: tasks.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('keyPersons.name'),
            dataIndex: 'name',
            render: (n: string, r) =>
              r.keyPersonId ? (
                <Link to={`/key-persons/${r.keyPersonId}`}>{n}</Link>
              ) : (
                <Space size={4}>
                  {n}
                  <Tag color="purple">{t('triageTasks.walkIn')}</Tag>
                </Space>
              ),
          },
          { title: t('keyPersons.region'), dataIndex: 'regionName' },
          {
            title: t('keyPersons.temperature'),
            dataIndex: 'temperature',
            render: (v: number) => <TemperatureTag value={v} />,
          },
          {
            title: t('keyPersons.symptoms'),
            dataIndex: 'symptoms',
            render: (s: string[]) => s.map((x) => t(`keyPersons.symptomNames.${x}`)).join('、') || '—',
          },
          { title: t('triageTasks.raisedAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('triageTasks.deadline'),
            key: 'deadline',
            render: (_, r) => (
              <Space size={4}>
                <Countdown task={r} />
                {r.escalatedAt && <Tag color="volcano">{t('triageTasks.escalated')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('triageTasks.referral'),
            key: 'referral',
            render: (_, r) =>
              r.referredTo ? `${r.referredTo}（${formatDateTime(r.transferredAt).slice(5, 16)}）` : '—',
          },
          { title: t('triageTasks.outcome'), dataIndex: 'outcome', render: (o: string | null) => o ?? '—' },
          {
            title: t('common.actions'),
            key: 'x',
            render: (_, r) => (
              <Space>
                {r.status === 'open' && (
                  <Button
                    size="small"
                    type="primary"
                    loading={acknowledge.isPending}
                    onClick={() => acknowledge.mutate(r.id, { onError: fail })}
                  >
                    {t('triageTasks.acknowledge')}
                  </Button>
                )}
                {r.walkInId && r.status !== 'closed' && (
                  <Button size="small" onClick={() => setReferring(r)}>
                    {t('triageTasks.refer')}
                  </Button>
                )}
                {r.status !== 'closed' && (
                  <Button
                    size="small"
                    onClick={() => {
                      setClosing(r);
                      setOutcome('');
                    }}
                  >
                    {t('triageTasks.close')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!closing}
        title={t('triageTasks.closeTitle', { name: closing?.name ?? '' })}
        onCancel={() => setClosing(null)}
        confirmLoading={close.isPending}
        okButtonProps={{ disabled: !outcome.trim() }}
        onOk={() =>
          closing && close.mutate({ id: closing.id, outcome }, { onSuccess: () => setClosing(null), onError: fail })
        }
      >
        <Input.TextArea
          rows={3}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          aria-label={t('triageTasks.outcomeHint')}
          placeholder={t('triageTasks.outcomeHint')}
        />
      </Modal>
      {referring ? <ReferralModal task={referring} onClose={() => setReferring(null)} /> : null}
    </Space>
  );
}
