import { App, Button, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useLiftOrder, useVenueOrders, type VenueOrder } from '../../api/communityMeasures';

export function OrdersTable({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const orders = useVenueOrders();
  const lift = useLiftOrder();
  return (
    <Table<VenueOrder>
      rowKey="id"
      size="middle"
      loading={orders.isFetching}
      dataSource={orders.data?.items ?? []}
      scroll={{ x: 'max-content' }}
      pagination={false}
      columns={[
        {
          title: t('venues.kind'),
          dataIndex: 'kind',
          render: (k: VenueOrder['kind'], o) => (
            <>
              {t(`venues.orderKinds.${k}`)}
              {o.hours ? ` ${o.hours}` : ''}
            </>
          ),
        },
        {
          title: t('venues.target'),
          key: 'target',
          render: (_, o) => o.venueName ?? `${o.regionName} ${t(`venues.types.${o.venueType!}`)}`,
        },
        { title: t('venues.from'), dataIndex: 'effectiveFrom' },
        {
          title: t('venues.until'),
          dataIndex: 'effectiveUntil',
          render: (v: string | null) => v ?? t('venues.untilOpen'),
        },
        {
          title: t('venues.inEffect'),
          dataIndex: 'inEffect',
          render: (v: boolean) => (
            <Tag color={v ? 'volcano' : 'default'}>{v ? t('venues.inEffect') : t('venues.ended')}</Tag>
          ),
        },
        { title: t('venues.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
        ...(canManage
          ? [
              {
                title: t('common.actions'),
                key: 'x',
                render: (_: unknown, o: VenueOrder) =>
                  o.inEffect && (
                    <Popconfirm
                      title={t('venues.liftConfirm')}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => lift.mutate(o.id, { onError: (err) => void message.error(errorMessage(err)) })}
                    >
                      <Button type="link" size="small">
                        {t('venues.lift')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
