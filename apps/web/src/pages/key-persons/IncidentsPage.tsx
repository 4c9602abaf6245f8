import { Alert, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useIncidents } from '../../api/keyPersonFile';
import type { KeyPersonIncident } from '../../api/types';
import { DrillBanner, useDrillFilter } from '../../components/DrillFilter';
import { formatDateTime } from '../../components/labels';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/** 不配合事件: the incidents in scope, latest first; the daily report's nonCompliance figures open it filtered. */
export default function IncidentsPage() {
  const { t } = useTranslation();
  const drill = useDrillFilter();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useIncidents({ ...paging, ...drill });
  return (
    <>
      <Typography.Title level={3}>{t('incidents.listTitle')}</Typography.Title>
      {drill && <DrillBanner total={list.data?.total} />}
      {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} />}
      <ResponsiveTable<KeyPersonIncident>
        aria-label={t('incidents.listTitle')}
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (count) => t('common.total', { count }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: t('keyPersons.name'),
            key: 'name',
            render: (_, i) => <Link to={`/key-persons/${i.keyPersonId}`}>{i.name}</Link>,
          },
          { title: t('keyPersons.region'), dataIndex: 'regionName' },
          { title: t('incidents.occurredAt'), dataIndex: 'occurredAt', render: formatDateTime },
          { title: t('keyPersonFile.kind'), dataIndex: 'kind', render: (k: string) => t(`incidents.kinds.${k}`) },
          { title: t('incidents.witnessedBy'), dataIndex: 'witnessedBy' },
          {
            title: t('incidents.police'),
            key: 'police',
            render: (_, i) =>
              i.handedOverAt ? `${i.policeStation ?? ''} ${i.policeRef ?? ''} ${formatDateTime(i.handedOverAt)}` : '—',
          },
          { title: t('incidents.outcome'), dataIndex: 'outcome', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
