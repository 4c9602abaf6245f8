import { rolesWith } from '@fangkong/domain';
import { PlusOutlined } from '@ant-design/icons';
import { VULNERABLE_GROUPS } from '@fangkong/domain';
import { Alert, Button, Drawer, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { DrillBanner, useDrillFilter } from '../../components/DrillFilter';
import { useTranslation } from 'react-i18next';
import { FULL_VIEW_ROLES, hasRole } from '../../auth/roles';
import { useMe } from '../../auth/session';
import { errorMessage } from '../../api/client';
import { useHousehold, useHouseholds, usePersons } from '../../api/register';
import type { Household, Person } from '../../api/types';
import { PersonDrawer } from './PersonDrawer';
import { DuplicatesTab } from './DuplicatesTab';
import { LedgerButtons } from './LedgerButtons';
import { HouseholdFormModal } from './HouseholdFormModal';
import { PersonFormModal, type EditedPerson } from './PersonFormModal';

const MANAGE_ROLES = rolesWith('persons.manage');

/** The population register: households and persons in scope, masked, searchable, with their pages. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [personId, setPersonId] = useState<string>();
  // The tab is in the path (/register/persons), so a report figure can link to either list.
  const { tab = 'households' } = useParams();
  const navigate = useNavigate();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('register.title')}
      </Typography.Title>
      <LedgerButtons canImport={hasRole(me.role, MANAGE_ROLES)} canFull={hasRole(me.role, FULL_VIEW_ROLES)} />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(key === 'households' ? '/register' : `/register/${key}`)}
        items={[
          {
            key: 'households',
            label: t('register.households'),
            children: <Households onPerson={setPersonId} canManage={hasRole(me.role, MANAGE_ROLES)} />,
          },
          {
            key: 'persons',
            label: t('register.persons'),
            children: <Persons onPerson={setPersonId} canManage={hasRole(me.role, MANAGE_ROLES)} />,
          },
          ...(hasRole(me.role, MANAGE_ROLES)
            ? [{ key: 'duplicates', label: t('register.duplicates'), children: <DuplicatesTab /> }]
            : []),
        ]}
      />
      <PersonDrawer
        personId={personId}
        onClose={() => setPersonId(undefined)}
        canSeeFull={hasRole(me.role, FULL_VIEW_ROLES)}
        canMove={hasRole(me.role, MANAGE_ROLES)}
      />
    </>
  );
}

function Households({ onPerson, canManage }: { onPerson(id: string): void; canManage: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const drill = useDrillFilter();
  const list = useHouseholds({ ...page, q, ...drill });
  const [openId, setOpenId] = useState<string>();
  const detail = useHousehold(openId);
  const [form, setForm] = useState<'newHousehold' | 'editHousehold' | 'newPerson' | EditedPerson>();
  return (
    <>
      {canManage && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginRight: 12 }}
          onClick={() => setForm('newHousehold')}
        >
          {t('register.newHousehold')}
        </Button>
      )}
      <Input.Search
        allowClear
        aria-label={t('register.searchHousehold')}
        placeholder={t('register.searchHousehold')}
        style={{ maxWidth: 360, marginBottom: 12 }}
        onSearch={(v) => {
          setQ(v.trim() || undefined);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      {drill && <DrillBanner total={list.data?.total} />}
      {list.isError && <Alert type="error" message={errorMessage(list.error)} />}
      <Table<Household>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 700 }}
        onRow={(h) => ({ onClick: () => setOpenId(h.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showTotal: (count) => t('common.total', { count }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('register.address'), dataIndex: 'address' },
          { title: t('register.region'), dataIndex: 'regionName' },
          { title: t('register.grid'), dataIndex: 'gridName', render: (v: string | null) => v ?? '—' },
          { title: t('register.head'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
          { title: t('register.members'), dataIndex: 'memberCount' },
          { title: t('register.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          {
            title: t('register.status'),
            dataIndex: 'status',
            render: (s: Household['status']) => <Tag>{t(`householdStatus.${s}`)}</Tag>,
          },
        ]}
      />
      <Drawer
        open={!!openId}
        onClose={() => setOpenId(undefined)}
        width={640}
        title={detail.data?.address}
        extra={
          canManage &&
          detail.data && (
            <Space>
              <Button onClick={() => setForm('editHousehold')}>{t('register.editHousehold')}</Button>
              <Button type="primary" onClick={() => setForm('newPerson')}>
                {t('register.newPerson')}
              </Button>
            </Space>
          )
        }
      >
        {detail.data && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={detail.data.members}
            onRow={(m) => ({ onClick: () => onPerson(m.id), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('register.name'),
                dataIndex: 'name',
                render: (v: string, m) => (
                  <a>
                    {v}
                    {m.id === detail.data!.headPersonId ? `（${t('register.head')}）` : ''}
                  </a>
                ),
              },
              { title: t('register.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
              { title: t('register.birthDate'), dataIndex: 'birthDate' },
              { title: t('register.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
              ...(canManage
                ? [
                    {
                      key: 'edit',
                      render: (_: unknown, m: EditedPerson) => (
                        <Button
                          size="small"
                          onClick={(e) => {
                            e.stopPropagation();
                            setForm(m);
                          }}
                        >
                          {t('register.edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Drawer>
      <HouseholdFormModal
        open={form === 'newHousehold' || form === 'editHousehold'}
        household={form === 'editHousehold' ? detail.data : undefined}
        onClose={() => setForm(undefined)}
      />
      <PersonFormModal
        open={form === 'newPerson' || typeof form === 'object'}
        householdId={openId}
        person={typeof form === 'object' ? form : undefined}
        onClose={() => setForm(undefined)}
      />
    </>
  );
}

function Persons({ onPerson, canManage }: { onPerson(id: string): void; canManage: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [vulnerableGroup, setVulnerableGroup] = useState<(typeof VULNERABLE_GROUPS)[number]>();
  const drill = useDrillFilter();
  const list = usePersons({ ...page, q, vulnerableGroup, ...drill });
  return (
    <>
      {canManage && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginRight: 12 }} onClick={() => setCreating(true)}>
          {t('register.newPerson')}
        </Button>
      )}
      <PersonFormModal open={creating} onClose={() => setCreating(false)} />
      <Input.Search
        allowClear
        aria-label={t('register.searchPerson')}
        placeholder={t('register.searchPerson')}
        style={{ maxWidth: 420, marginBottom: 12, marginRight: 12 }}
        onSearch={(v) => {
          setQ(v.trim() || undefined);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      <Select
        allowClear
        value={vulnerableGroup}
        placeholder={t('register.vulnerable')}
        aria-label={t('register.vulnerable')}
        style={{ width: 160, marginBottom: 12 }}
        onChange={(v) => {
          setVulnerableGroup(v);
          setPage((p) => ({ ...p, page: 1 }));
        }}
        options={VULNERABLE_GROUPS.map((g) => ({ value: g, label: t(`vulnerableGroups.${g}`) }))}
      />
      {drill && <DrillBanner total={list.data?.total} />}
      {list.isError && <Alert type="error" message={errorMessage(list.error)} />}
      <Table<Person>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 700 }}
        onRow={(p) => ({ onClick: () => onPerson(p.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showTotal: (count) => t('common.total', { count }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('register.name'), dataIndex: 'name', render: (v: string) => <a>{v}</a> },
          { title: t('register.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
          { title: t('register.sex'), dataIndex: 'sex', render: (v: Person['sex']) => (v ? t(`sex.${v}`) : '—') },
          { title: t('register.birthDate'), dataIndex: 'birthDate' },
          { title: t('register.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: t('register.household'), dataIndex: 'householdAddress', render: (v: string | null) => v ?? '—' },
          { title: t('register.region'), dataIndex: 'regionName' },
        ]}
      />
    </>
  );
}
