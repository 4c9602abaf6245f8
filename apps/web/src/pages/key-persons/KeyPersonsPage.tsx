import { Alert, Badge, Button, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrillBanner, useDrillFilter } from '../../components/DrillFilter';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useKeyPersons, useLineListCounts, type KeyPersonFilter } from '../../api/keyPersons';
import type { KeyPerson } from '../../api/types';
import { useMe } from '../../auth/session';
import { TemperatureTag } from './TemperatureTag';
import { OpenFileModal } from './OpenFileModal';
import { hasRole, KEY_PERSON_MANAGERS } from '../../auth/roles';

const LISTS = [
  'active',
  'dueNow',
  'overdue',
  'fever',
  'endingToday',
  'incompleteTeam',
  'released',
  'lostToFollowUp',
] as const;
type ListKey = (typeof LISTS)[number];
const OFFICER_ROLES = ['gridWorker', 'doctor', 'villageCadre'];

/** Line lists of key persons (Sara Alert-style) for the caller's scope or their own worklist. */
export default function KeyPersonsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [mine, setMine] = useState(OFFICER_ROLES.includes(me.role));
  const [list, setList] = useState<ListKey>('active');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const drill = useDrillFilter();
  const filter: KeyPersonFilter = drill
    ? { ...paging, ...drill }
    : { ...paging, mine: mine ? 'true' : undefined, ...(list === 'active' ? { status: 'active' } : { list }) };
  const persons = useKeyPersons(filter);
  const counts = useLineListCounts(mine);
  const [opening, setOpening] = useState(false);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('keyPersons.title')}
        </Typography.Title>
        <Space wrap>
          {hasRole(me.role, KEY_PERSON_MANAGERS) && (
            <Button type="primary" onClick={() => setOpening(true)}>
              {t('lifecycle.open')}
            </Button>
          )}
          {opening && <OpenFileModal onClose={() => setOpening(false)} />}
          <Button
            href={`/api/v1/key-persons/export?${new URLSearchParams(Object.entries(filter).filter(([k, v]) => v !== undefined && k !== 'page' && k !== 'pageSize') as [string, string][])}`}
          >
            {t('keyPersons.export')}
          </Button>
          <Segmented
            value={mine ? 'mine' : 'all'}
            onChange={(v) => {
              setMine(v === 'mine');
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: 'mine', label: t('keyPersons.mine') },
              { value: 'all', label: t('keyPersons.all') },
            ]}
          />
        </Space>
      </Space>
      {drill && <DrillBanner total={persons.data?.total} />}
      <Tabs
        activeKey={drill ? '' : list}
        onChange={(k) => {
          setList(k as ListKey);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        items={LISTS.map((key) => ({
          key,
          label: (
            <Space size={4}>
              {t(`keyPersons.lists.${key}`)}
              <Badge
                count={counts.data?.[key] ?? 0}
                showZero
                overflowCount={99999}
                color={['overdue', 'fever', 'incompleteTeam'].includes(key) && counts.data?.[key] ? 'red' : 'blue'}
              />
            </Space>
          ),
        }))}
      />
      {persons.isError && (
        <Alert type="error" showIcon message={errorMessage(persons.error)} style={{ marginBottom: 16 }} />
      )}
      <ResponsiveTable<KeyPerson>
        aria-label={t('keyPersons.title')}
        rowKey="id"
        size="middle"
        loading={persons.isFetching}
        dataSource={persons.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onOpen={(r) => void navigate(`/key-persons/${r.id}`)}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: persons.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { count }),
          onChange: (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
        }}
        columns={[
          { title: t('keyPersons.name'), dataIndex: 'name', fixed: 'left' },
          { title: t('keyPersons.region'), dataIndex: 'regionName' },
          {
            title: t('keyPersons.category'),
            dataIndex: 'category',
            render: (c: string) => t(`keyPersons.categories.${c}`),
          },
          {
            title: t('keyPersons.measure'),
            dataIndex: 'measure',
            render: (m: string) => t(`keyPersons.measures.${m}`),
          },
          {
            title: t('keyPersons.dayLabel'),
            key: 'day',
            render: (_, r) =>
              r.status === 'active'
                ? t('keyPersons.day', { day: Math.max(r.day, 0), total: r.totalDays })
                : `${r.startDate} ~ ${r.plannedEndDate}`,
          },
          {
            title: t('keyPersons.lastTemperature'),
            dataIndex: 'lastTemperature',
            render: (v: number | null) => <TemperatureTag value={v} />,
          },
          {
            title: t('keyPersons.team'),
            key: 'team',
            render: (_, r) => (
              <Tag color={r.officers < r.requiredOfficers ? 'orange' : 'green'}>
                {t('keyPersons.teamCount', { n: r.officers, required: r.requiredOfficers })}
              </Tag>
            ),
          },
          {
            title: t('keyPersons.status'),
            key: 'status',
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag>{t(`keyPersons.statuses.${r.status}`)}</Tag>
                {r.openAlerts > 0 && (
                  <Tag color="red">
                    {t('keyPersons.lists.overdue')} {r.openAlerts}
                  </Tag>
                )}
                {r.openTriage > 0 && <Tag color="volcano">{t('keyPersons.fever')}</Tag>}
              </Space>
            ),
          },
          { title: t('keyPersons.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
