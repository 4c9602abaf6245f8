import { App, Button, Descriptions, Drawer, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { fetchPersonFull, usePerson } from '../../api/register';
import type { PersonDetail, PersonFull } from '../../api/types';
import { formatDateTime } from '../../components/labels';
import { MovePersonModal } from './MovePersonModal';

/** One person: masked data, the audited "show full details", household moves, visits and leads. */
export function PersonDrawer({
  personId,
  onClose,
  canSeeFull,
  canMove = false,
}: {
  personId?: string;
  onClose(): void;
  canSeeFull: boolean;
  canMove?: boolean;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const person = usePerson(personId);
  const [full, setFull] = useState<PersonFull>();
  const [moving, setMoving] = useState(false);
  const p = person.data;
  const showFull = () =>
    modal.confirm({
      title: t('register.showFull'),
      content: t('register.fullAudited'),
      onOk: () => fetchPersonFull(personId!).then(setFull, (e: unknown) => void message.error(errorMessage(e))),
    });
  return (
    <Drawer
      open={!!personId}
      onClose={() => {
        setFull(undefined);
        onClose();
      }}
      width={640}
      title={p?.name}
      destroyOnHidden
    >
      {person.isLoading && <Spin />}
      {p && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('register.idNumber')}>
              {full ? (full.idNumber ?? '—') : (p.idNumber ?? '—')}
            </Descriptions.Item>
            <Descriptions.Item label={t('register.phone')}>
              {full ? (full.phone ?? '—') : (p.phone ?? '—')}
            </Descriptions.Item>
            <Descriptions.Item label={t('register.sex')}>{p.sex ? t(`sex.${p.sex}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('register.birthDate')}>{p.birthDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('register.household')}>{p.householdAddress ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('register.region')}>{p.regionName}</Descriptions.Item>
            {p.guardianName && <Descriptions.Item label={t('register.guardian')}>{p.guardianName}</Descriptions.Item>}
            <Descriptions.Item label={t('register.vulnerable')}>
              {p.vulnerableGroups.length
                ? p.vulnerableGroups.map((g) => (
                    <Tag key={g}>{t(`vulnerableGroups.${g}` as 'vulnerableGroups.disabled')}</Tag>
                  ))
                : t('register.none')}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginBottom: 16 }}>
            {canSeeFull && !full && <Button onClick={showFull}>{t('register.showFull')}</Button>}
            {canMove && <Button onClick={() => setMoving(true)}>{t('lifecycle.move')}</Button>}
          </Space>
          {moving && <MovePersonModal person={p} onClose={() => setMoving(false)} />}
          <History person={p} />
        </>
      )}
    </Drawer>
  );
}

function History({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5}>{t('register.leads')}</Typography.Title>
      {person.leads.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        person.leads.map((l) => (
          <div key={l.id} style={{ marginBottom: 4 }}>
            <Tag color={l.status === 'open' ? 'red' : 'default'}>
              {t(`leadStatus.${l.status}` as 'leadStatus.open')}
            </Tag>
            {l.reasons.map((r) => (
              <Tag key={r}>{t(`leadReasons.${r}` as 'leadReasons.fever')}</Tag>
            ))}{' '}
            {formatDateTime(l.createdAt)}
          </div>
        ))
      )}
      <Typography.Title level={5}>{t('register.visits')}</Typography.Title>
      <Table
        size="small"
        rowKey="visitId"
        pagination={false}
        dataSource={person.visits}
        columns={[
          { title: t('register.round'), dataIndex: 'roundName' },
          {
            title: t('register.outcome'),
            dataIndex: 'outcome',
            render: (o: string) => t(`outcomes.${o}` as 'outcomes.visited'),
          },
          { title: t('field.present'), dataIndex: 'present', render: (v: boolean) => (v ? '✓' : '—') },
          { title: t('register.temperature'), dataIndex: 'temperature', render: (v: number | null) => v ?? '—' },
          { title: t('register.movedAt'), dataIndex: 'visitedAt', render: formatDateTime },
        ]}
      />
      <Typography.Title level={5}>{t('register.moves')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={person.moves}
        columns={[
          { title: t('register.from'), dataIndex: 'fromAddress', render: (v: string | null) => v ?? '—' },
          { title: t('register.to'), dataIndex: 'toAddress', render: (v: string | null) => v ?? '—' },
          { title: t('register.movedAt'), dataIndex: 'movedAt', render: formatDateTime },
          { title: t('register.movedBy'), dataIndex: 'movedBy' },
          { title: t('register.reason'), dataIndex: 'reason' },
        ]}
      />
    </>
  );
}
