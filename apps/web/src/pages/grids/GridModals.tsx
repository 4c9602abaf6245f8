import { Alert, App, Checkbox, Form, Input, Modal, Select, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useAssignHouseholds, useCreateGrid, useMergeGrid, useUnassigned, useUpdateGrid } from '../../api/grids';
import { useUsers } from '../../api/users';
import type { Grid, GridAssignResult } from '../../api/types';
import { useMe } from '../../auth/session';
import { hasRole } from '../../auth/roles';

/** Who may list accounts (users.read) to pick a grid's leader and workers. */
const USER_READERS = ['admin', 'commander', 'townshipOfficer'] as const;

export function GridFormModal({ villageId, grid, onClose }: { villageId: string; grid: Grid | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<{ name: string; leaderId?: string; workerIds?: string[] }>();
  const canPick = hasRole(me.role, USER_READERS);
  const accounts = useUsers({ page: 1, pageSize: 200, role: 'gridWorker' });
  const create = useCreateGrid();
  const update = useUpdateGrid();
  const options = canPick
    ? (accounts.data?.items ?? [])
        .filter((u) => !u.disabled)
        .map((u) => ({ value: u.id, label: `${u.displayName}（${u.regionName ?? ''}）` }))
    : [];
  const done = {
    onSuccess: onClose,
    onError: (err: unknown) => {
      if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
    },
  };
  return (
    <Modal
      open
      title={grid ? t('grids.edit') : t('grids.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          grid ? { name: grid.name, leaderId: grid.leader?.id, workerIds: grid.workers.map((w) => w.id) } : {}
        }
        onFinish={(v) => {
          const people = canPick ? { leaderId: v.leaderId ?? null, workerIds: v.workerIds ?? [] } : {};
          if (grid) update.mutate({ id: grid.id, name: v.name, ...people }, done);
          else create.mutate({ regionId: villageId, name: v.name, ...people }, done);
        }}
      >
        <Form.Item name="name" label={t('grids.name')} rules={[{ required: true }]}>
          <Input placeholder="第一网格" />
        </Form.Item>
        {canPick ? (
          <>
            <Form.Item name="leaderId" label={t('grids.leader')}>
              <Select allowClear showSearch optionFilterProp="label" options={options} />
            </Form.Item>
            <Form.Item name="workerIds" label={t('grids.workers')}>
              <Select
                mode="multiple"
                showSearch
                optionFilterProp="label"
                options={options}
                data-testid="grid-workers"
              />
            </Form.Item>
          </>
        ) : (
          <Alert type="info" showIcon message={t('grids.workersByAdmin')} />
        )}
      </Form>
    </Modal>
  );
}

export function AssignModal({ villageId, grid, onClose }: { villageId: string; grid: Grid; onClose(): void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'range' | 'pick'>('range');
  const [range, setRange] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [move, setMove] = useState(false);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<GridAssignResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unassigned = useUnassigned(villageId, page);
  const assign = useAssignHouseholds();
  const submit = () => {
    setError(null);
    const body = tab === 'range' ? { addressContains: range.trim() } : { householdIds: picked };
    assign.mutate(
      { id: grid.id, ...body, move },
      {
        onSuccess: (r) => (r.errors.length ? setResult(r) : onClose()),
        onError: (err) => setError(errorMessage(err)),
      },
    );
  };
  return (
    <Modal
      open
      width={720}
      title={`${t('grids.assign')} · ${grid.name}`}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={assign.isPending}
      okButtonProps={{ disabled: tab === 'range' ? !range.trim() : picked.length === 0 }}
      destroyOnHidden
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'range' | 'pick')}
        items={[
          {
            key: 'range',
            label: t('grids.byRange'),
            children: (
              <Input
                value={range}
                onChange={(e) => setRange(e.target.value)}
                aria-label={t('grids.rangePlaceholder')}
                placeholder={t('grids.rangePlaceholder')}
                data-testid="grid-range"
              />
            ),
          },
          {
            key: 'pick',
            label: t('grids.byHousehold'),
            children: (
              <Table
                size="small"
                rowKey="id"
                loading={unassigned.isFetching}
                dataSource={unassigned.data?.items}
                rowSelection={{
                  selectedRowKeys: picked,
                  onChange: (keys) => setPicked(keys as string[]),
                  preserveSelectedRowKeys: true,
                }}
                pagination={{
                  current: page,
                  pageSize: 50,
                  total: unassigned.data?.total ?? 0,
                  onChange: setPage,
                  hideOnSinglePage: true,
                }}
                columns={[
                  { title: t('grids.address'), dataIndex: 'address' },
                  { title: t('grids.region'), dataIndex: 'regionName' },
                ]}
              />
            ),
          },
        ]}
      />
      <Checkbox checked={move} onChange={(e) => setMove(e.target.checked)} style={{ marginTop: 12 }}>
        {t('grids.move')}
      </Checkbox>
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} />}
      {result && <ErrorTable result={result} />}
    </Modal>
  );
}

export function MergeModal({ grid, others, onClose }: { grid: Grid; others: Grid[]; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [intoId, setIntoId] = useState<string>();
  const merge = useMergeGrid();
  return (
    <Modal
      open
      title={`${t('grids.merge')} · ${grid.name}`}
      onCancel={onClose}
      okButtonProps={{ disabled: !intoId }}
      confirmLoading={merge.isPending}
      onOk={() =>
        intoId &&
        merge.mutate(
          { id: grid.id, intoId },
          { onSuccess: onClose, onError: (err) => void message.error(errorMessage(err)) },
        )
      }
    >
      <p>{t('grids.mergeHint', { name: grid.name })}</p>
      <Select
        style={{ width: '100%' }}
        value={intoId}
        onChange={setIntoId}
        options={others.map((g) => ({ value: g.id, label: g.name }))}
      />
    </Modal>
  );
}

function ErrorTable({ result }: { result: GridAssignResult }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert
        type="error"
        showIcon
        style={{ marginTop: 12 }}
        message={t('grids.nothingAssigned', { n: result.errors.length })}
      />
      <Table
        size="small"
        style={{ marginTop: 8 }}
        rowKey={(r, i) => `${r.row}-${i ?? 0}`}
        dataSource={result.errors}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('regions.row'), dataIndex: 'row', width: 80 },
          { title: t('regions.field'), dataIndex: 'field', width: 140 },
          { title: t('regions.message'), dataIndex: 'message' },
        ]}
      />
    </>
  );
}

export function RowErrors({ result, onClose }: { result: GridAssignResult; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={720}
      title={t('grids.import')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <ErrorTable result={result} />
    </Modal>
  );
}
