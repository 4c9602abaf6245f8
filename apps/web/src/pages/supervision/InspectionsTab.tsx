import { shanghaiDateTimeOf } from '@fangkong/domain';
import { Alert, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useInspections, type Inspection } from '../../api/supervision';
import { DrillBanner } from '../../components/DrillFilter';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/** 督查记录: the inspections of places in scope, latest first; a row opens its findings. */
export function InspectionsTab({ drill }: { drill: Record<string, string> | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const inspections = useInspections({ ...paging, ...drill });
  return (
    <>
      {drill && <DrillBanner total={inspections.data?.total} />}
      {inspections.isError && <Alert type="error" showIcon message={errorMessage(inspections.error)} />}
      <ResponsiveTable<Inspection>
        rowKey="id"
        size="middle"
        aria-label={t('supervision.inspections')}
        loading={inspections.isFetching}
        dataSource={inspections.data?.items ?? []}
        onOpen={(i) => void navigate(`/supervision/findings?inspectionId=${i.id}`)}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: inspections.data?.total ?? 0,
          showTotal: (count) => t('common.total', { count }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: t('supervision.place'),
            key: 'place',
            render: (_, i) => `${i.placeName} (${t(`supervision.placeKinds.${i.placeKind}`)})`,
          },
          {
            title: t('supervision.inspectedAt'),
            dataIndex: 'inspectedAt',
            render: (v: string) => shanghaiDateTimeOf(v),
          },
          { title: t('supervision.inspector'), dataIndex: 'inspectorName' },
          {
            title: t('supervision.unannounced'),
            dataIndex: 'unannounced',
            render: (v: boolean) => (
              <Tag color={v ? 'red' : 'blue'}>{t(v ? 'supervision.unannounced' : 'supervision.announced')}</Tag>
            ),
          },
          {
            title: t('supervision.findings'),
            dataIndex: 'findings',
            render: (n: number) => (n ? <Tag color="orange">{t('supervision.findingsCount', { count: n })}</Tag> : '—'),
          },
          { title: t('supervision.remarks'), dataIndex: 'remarks', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
