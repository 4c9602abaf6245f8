import { slotsOfMeasure } from '@fangkong/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError, applyFieldErrors, errorMessage } from '../../api/client';
import { useCheckInLink, useKeyPerson, useRelease, useUpdateKeyPerson } from '../../api/keyPersons';
import { FileConflictAlert } from './FileConflictAlert';
import type { KeyPersonDetail } from '../../api/types';
import { formatDateTime } from '../../components/labels';
import { eventValue } from './event-value';
import { useMe } from '../../auth/session';
import { CHECK_ROLES, hasRole, KEY_PERSON_MANAGERS } from '../../auth/roles';
import { CheckFormModal } from './CheckFormModal';
import { TeamCard } from './TeamCard';
import { CorrectCheckModal } from './CorrectCheckModal';
import { LifecycleActions } from './LifecycleActions';
import { TemperatureTag } from './TemperatureTag';
import { ContactsCard } from './ContactGraph';
import { NoticesCard, ServicesCard, TrajectoryCard } from './FileParts';
import { IncidentsCard } from './IncidentsCard';

/** 重点人员档案: the measure, the team, the checks day by day, and the history. */
export default function KeyPersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const file = useKeyPerson(id);
  if (file.isError) return <Alert type="error" showIcon message={errorMessage(file.error)} />;
  if (!file.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const kp = file.data;
  const editable = kp.status !== 'released' && kp.status !== 'transferred' && hasRole(me.role, KEY_PERSON_MANAGERS);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {kp.name} <Tag>{t(`keyPersons.statuses.${kp.status}`)}</Tag>
      </Typography.Title>
      <Actions kp={kp} />
      {hasRole(me.role, KEY_PERSON_MANAGERS) && <LifecycleActions kp={kp} />}
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('keyPersons.idNumber')}>{kp.idNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('keyPersons.phone')}>{kp.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('keyPersons.address')}>{kp.address ?? kp.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('keyPersons.category')}>
            {t(`keyPersons.categories.${kp.category}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('keyPersons.measure')}>
            {t(`keyPersons.measures.${kp.measure}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('keyPersons.source')}>{t(`keyPersons.sources.${kp.source}`)}</Descriptions.Item>
          <Descriptions.Item label={t('keyPersons.startDate')}>{kp.startDate}</Descriptions.Item>
          <Descriptions.Item label={t('keyPersons.plannedEndDate')}>{kp.plannedEndDate}</Descriptions.Item>
          <Descriptions.Item label={t('keyPersons.dayLabel')}>
            {t('keyPersons.day', { day: Math.max(kp.day, 0), total: kp.totalDays })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {kp.overdueSlots.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={`${t('keyPersons.overdueSlots')}: ${kp.overdueSlots.map((s) => `${s.day} ${t(`keyPersons.${s.slot}`)}`).join('、')}`}
        />
      )}
      <TeamCard kp={kp} />
      <Checks kp={kp} canCorrect={hasRole(me.role, CHECK_ROLES) && kp.status !== 'transferred'} />
      <TrajectoryCard id={kp.id} editable={editable} />
      <ContactsCard id={kp.id} editable={editable} />
      <ServicesCard id={kp.id} editable={editable} />
      <NoticesCard id={kp.id} editable={editable} />
      <IncidentsCard id={kp.id} editable={editable} />
      <Card size="small" title={t('keyPersons.history')}>
        <Timeline
          items={kp.events.map((e) => ({
            children: (
              <>
                <b>{t(`keyPersons.events.${e.kind}`)}</b>{' '}
                {e.fromValue ? `${eventValue(t, e.kind, e.fromValue)} → ` : ''}
                {eventValue(t, e.kind, e.toValue)}
                {e.reason && (
                  <div>
                    {t('keyPersons.reason')}: {e.reason}
                  </div>
                )}
                <Typography.Text type="secondary">
                  {formatDateTime(e.createdAt)} {e.actorName}
                </Typography.Text>
              </>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

function Actions({ kp }: { kp: KeyPersonDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [checkOpen, setCheckOpen] = useState(false);
  const [extendOpen, setExtendOpen] = useState(false);
  const [form] = Form.useForm<{ plannedEndDate: string; reason: string }>();
  const update = useUpdateKeyPerson(kp, extendOpen);
  const [mine, setMine] = useState<Record<string, unknown>>();
  const release = useRelease(kp.id);
  const link = useCheckInLink(kp.id);
  if (kp.status !== 'active') return null;
  const showLink = () =>
    link.mutate(undefined, {
      onSuccess: (l) => {
        const url = `${window.location.origin}${l.path}`;
        modal.info({
          title: t('keyPersons.checkInLink'),
          content: (
            <>
              <p>{t('keyPersons.checkInLinkHint')}</p>
              <Typography.Paragraph copyable>{url}</Typography.Paragraph>
            </>
          ),
        });
      },
      onError: (err) => void message.error(errorMessage(err)),
    });
  return (
    <Space wrap>
      <Button type="primary" size="large" onClick={() => setCheckOpen(true)}>
        {t('keyPersons.recordCheck')}
      </Button>
      <Button onClick={() => setExtendOpen(true)}>{t('keyPersons.extend')}</Button>
      <Button onClick={showLink} loading={link.isPending}>
        {t('keyPersons.checkInLink')}
      </Button>
      <Popconfirm
        title={t('keyPersons.releaseConfirm', { name: kp.name })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => release.mutate(undefined, { onError: (err) => void message.error(errorMessage(err)) })}
      >
        <Button>{t('keyPersons.release')}</Button>
      </Popconfirm>
      <CheckFormModal file={kp} open={checkOpen} onClose={() => setCheckOpen(false)} />
      <Modal
        open={extendOpen}
        title={t('keyPersons.extend')}
        onCancel={() => setExtendOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={update.isPending}
        destroyOnHidden
      >
        <FileConflictAlert conflict={update.conflict} mine={mine} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ plannedEndDate: kp.plannedEndDate }}
          onFinish={(v) => {
            setMine(v);
            update.mutate(v, {
              onSuccess: () => setExtendOpen(false),
              // Someone else changed the file since it was shown: their change is listed above and
              // shown behind the dialog, the user's values stay in the form, OK saves them on it.
              onError: (err) => {
                if (err instanceof ApiError && err.status === 412) return;
                if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
              },
            });
          }}
        >
          <Form.Item
            name="plannedEndDate"
            label={t('keyPersons.newEnd')}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="reason" label={t('keyPersons.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** Day by day, the effective (last corrected) value of each slot; overdue slots marked. */
function Checks({ kp, canCorrect }: { kp: KeyPersonDetail; canCorrect: boolean }) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState<KeyPersonDetail['checks'][number]>();
  const bySlot = new Map<string, KeyPersonDetail['checks'][number]>();
  for (const c of kp.checks) bySlot.set(`${c.day} ${c.slot}`, c);
  const overdue = new Set(kp.overdueSlots.map((s) => `${s.day} ${s.slot}`));
  const days = [...new Set(slotsOfMeasure(kp.startDate, kp.plannedEndDate).map((s) => s.day))];
  const cell = (day: string, slot: 'am' | 'pm') => {
    const c = bySlot.get(`${day} ${slot}`);
    if (c)
      return (
        <Space size={2} wrap>
          <TemperatureTag value={c.temperature} />
          {c.late && <Tag>{t('keyPersons.late')}</Tag>}
          {c.correctsId && <Tag>{t('lifecycle.corrected')}</Tag>}
          {c.symptoms.length > 0 && (
            <Tag color="orange">{c.symptoms.map((s) => t(`keyPersons.symptomNames.${s}`)).join('、')}</Tag>
          )}
          {canCorrect && (
            <Button
              type="link"
              size="small"
              onClick={() => setCorrecting(c)}
              aria-label={`${t('lifecycle.correct')} ${day} ${t(`keyPersons.${slot}`)}`}
            >
              {t('lifecycle.correct')}
            </Button>
          )}
        </Space>
      );
    return overdue.has(`${day} ${slot}`) ? <Tag color="red">{t('keyPersons.lists.overdue')}</Tag> : '—';
  };
  return (
    <Card size="small" title={t('keyPersons.checks')}>
      <Table
        size="small"
        rowKey="day"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={days.map((day, i) => ({ day, n: i + 1 }))}
        columns={[
          { title: t('keyPersons.dayLabel'), dataIndex: 'n', width: 60 },
          { title: t('keyPersons.date'), dataIndex: 'day' },
          { title: t('keyPersons.am'), key: 'am', render: (_, r) => cell(r.day, 'am') },
          { title: t('keyPersons.pm'), key: 'pm', render: (_, r) => cell(r.day, 'pm') },
        ]}
      />
      {correcting && <CorrectCheckModal check={correcting} name={kp.name} onClose={() => setCorrecting(undefined)} />}
    </Card>
  );
}
