import { Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSentinelSales, type SentinelSale } from '../../api/sentinels';
import { DrillBanner } from '../../components/DrillFilter';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../components/labels';

/** 购药登记: the sales to buyers in scope, newest first; a report's figure opens it filtered to its day. */
export function SalesList({ drill }: { drill: Record<string, string> | null }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const sales = useSentinelSales({ ...drill, page });
  return (
    <>
      <Typography.Title level={5}>{t('sentinels.sales')}</Typography.Title>
      {drill ? <DrillBanner total={sales.data?.total} /> : null}
      <ResponsiveTable<SentinelSale>
        aria-label={t('sentinels.sales')}
        rowKey="id"
        size="small"
        loading={sales.isLoading}
        dataSource={sales.data?.items ?? []}
        locale={{ emptyText: t('sentinels.noSales') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: sales.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('sentinels.name'), dataIndex: 'name', key: 'name' },
          { title: t('sentinels.idNumber'), dataIndex: 'idNumber', key: 'idNumber' },
          { title: t('sentinels.village'), dataIndex: 'regionName', key: 'regionName' },
          { title: t('sentinels.siteName'), dataIndex: 'sentinelName', key: 'sentinelName' },
          {
            title: t('sentinels.drugClasses'),
            key: 'drugClasses',
            render: (_: unknown, s: SentinelSale) => (
              <Space size={4} wrap>
                {s.drugClasses.map((c) => (
                  <Tag key={c}>{t(`sentinels.drugs.${c}`)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('sentinels.soldAt'),
            dataIndex: 'soldAt',
            key: 'soldAt',
            render: (v: string) => formatDateTime(v),
          },
        ]}
      />
    </>
  );
}
