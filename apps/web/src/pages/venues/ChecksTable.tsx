import { shanghaiDateTimeOf } from '@fangkong/domain';
import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type VenueCheckRow } from '../../api/communityMeasures';
import { resultColor } from './resultColor';

export function ChecksTable({
  data,
  total,
  loading,
  paging,
  setPaging,
  onOpen,
}: {
  data: VenueCheckRow[];
  total: number;
  loading: boolean;
  paging: { page: number; pageSize: number };
  setPaging: (p: { page: number; pageSize: number }) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<VenueCheckRow>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total,
        showTotal: (count) => t('common.total', { count }),
        onChange: (page, pageSize) => setPaging({ page, pageSize }),
      }}
      columns={[
        { title: t('venues.checkedAt'), dataIndex: 'checkedAt', render: (v: string) => shanghaiDateTimeOf(v) },
        {
          title: t('venues.name'),
          dataIndex: 'venueName',
          render: (n: string, c) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(c.venueId)}>
              {n}
            </Button>
          ),
        },
        {
          title: t('venues.type'),
          dataIndex: 'venueType',
          render: (k: VenueCheckRow['venueType']) => t(`venues.types.${k}`),
        },
        { title: t('venues.region'), dataIndex: 'regionName' },
        {
          title: t('venues.result'),
          dataIndex: 'result',
          render: (r: VenueCheckRow['result']) => <Tag color={resultColor[r]}>{t(`venues.results.${r}`)}</Tag>,
        },
        { title: t('venues.actionTaken'), dataIndex: 'actionTaken', render: (v: string | null) => v ?? '—' },
        { title: t('venues.checkedBy'), dataIndex: 'checkedBy', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
