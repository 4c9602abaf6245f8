import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useGridImport, useGridRoster, useRetireGrid } from '../../api/grids';
import { importContentType } from '../../api/regions';
import type { Grid, GridAssignResult, GridRoster } from '../../api/types';
import { AssignModal, GridFormModal, MergeModal, RowErrors } from './GridModals';

type Village = GridRoster['villages'][number];

/** 网格管理: the villages of the user's region with their grids, and the gaps (households in no grid, grids without workers). */
export default function GridsPage() {
  const { t } = useTranslation();
  const roster = useGridRoster();
  if (roster.isError) return <Alert type="error" showIcon message={errorMessage(roster.error)} />;
  if (!roster.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('grids.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('grids.hint')}
      </Typography.Paragraph>
      {roster.data.villages.length === 0 && <Empty description={t('grids.noVillages')} />}
      {roster.data.villages.map((v) => (
        <VillageCard key={v.regionId} village={v} />
      ))}
    </Space>
  );
}

function VillageCard({ village }: { village: Village }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Grid | 'new' | null>(null);
  const [assigning, setAssigning] = useState<Grid | null>(null);
  const [merging, setMerging] = useState<Grid | null>(null);
  const [imported, setImported] = useState<GridAssignResult | null>(null);
  const retire = useRetireGrid();
  const importFile = useGridImport();
  const upload = (file: File) => {
    const contentType = importContentType(file);
    if (!contentType) return void message.error(t('regions.badFileType'));
    importFile.mutate(
      { regionId: village.regionId, file, contentType },
      {
        onSuccess: (r) =>
          r.errors.length ? setImported(r) : void message.success(t('grids.assigned', { n: r.assigned })),
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  };
  return (
    <Card
      size="small"
      data-testid={`village-${village.name}`}
      title={
        <Space wrap>
          {village.name}
          <Tag>{t('grids.households', { n: village.households })}</Tag>
          {village.unassigned > 0 && <Tag color="red">{t('grids.unassigned', { n: village.unassigned })}</Tag>}
          {village.gridsWithoutWorkers > 0 && (
            <Tag color="orange">{t('grids.withoutWorkers', { n: village.gridsWithoutWorkers })}</Tag>
          )}
        </Space>
      }
      extra={
        <Space>
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('grids.create')}
          </Button>
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              upload(f);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={importFile.isPending} title={t('grids.importHint')}>
              {t('grids.import')}
            </Button>
          </Upload>
        </Space>
      }
    >
      <Table<Grid>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={village.grids}
        columns={[
          { title: t('grids.name'), dataIndex: 'name' },
          { title: t('grids.leader'), key: 'leader', render: (_, g) => g.leader?.displayName ?? '—' },
          {
            title: t('grids.workers'),
            key: 'workers',
            render: (_, g) =>
              g.workers.length ? (
                g.workers.map((w) => w.displayName).join('、')
              ) : (
                <Tag color="orange">{t('grids.noWorkers')}</Tag>
              ),
          },
          { title: t('grids.householdCount'), dataIndex: 'householdCount' },
          {
            title: '',
            key: 'x',
            render: (_, g) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setAssigning(g)}>
                  {t('grids.assign')}
                </Button>
                <Button type="link" size="small" onClick={() => setEditing(g)}>
                  {t('grids.edit')}
                </Button>
                <Button type="link" size="small" disabled={village.grids.length < 2} onClick={() => setMerging(g)}>
                  {t('grids.merge')}
                </Button>
                <Popconfirm
                  title={t('grids.retireConfirm', { name: g.name })}
                  onConfirm={() => retire.mutate(g.id, { onError: (err) => void message.error(errorMessage(err)) })}
                >
                  <Button type="link" size="small" danger>
                    {t('grids.retire')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <GridFormModal
          villageId={village.regionId}
          grid={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {assigning && <AssignModal villageId={village.regionId} grid={assigning} onClose={() => setAssigning(null)} />}
      {merging && (
        <MergeModal
          grid={merging}
          others={village.grids.filter((g) => g.id !== merging.id)}
          onClose={() => setMerging(null)}
        />
      )}
      {imported && <RowErrors result={imported} onClose={() => setImported(null)} />}
    </Card>
  );
}
