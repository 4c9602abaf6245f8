import { can, shanghaiDateTimeOf } from '@fangkong/domain';
import { Alert, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useVenue, type VenueOrder } from '../../api/communityMeasures';
import { useMe } from '../../auth/session';
import { CheckForm, NewOrderButton } from './VenueForms';
import { resultColor } from './resultColor';

export function VenueDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const venue = useVenue(id);
  const v = venue.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      title={v?.name}
      width={560}
      loading={venue.isPending}
      extra={v && can(me.role, 'measures.manage') && <NewOrderButton venue={v} />}
    >
      {venue.isError && <Alert type="error" showIcon message={errorMessage(venue.error)} />}
      {v && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'type', label: t('venues.type'), children: t(`venues.types.${v.type}`) },
              { key: 'region', label: t('venues.region'), children: `${v.regionName} ${v.address ?? ''}` },
              { key: 'operator', label: t('venues.operator'), children: `${v.operator ?? '—'} ${v.phone ?? ''}` },
              {
                key: 'orders',
                label: t('venues.currentOrders'),
                children: v.orders.map((k) => (
                  <Tag key={k} color="volcano">
                    {t(`venues.orderKinds.${k}`)}
                  </Tag>
                )),
              },
            ]}
          />
          {can(me.role, 'measures.record') && <CheckForm key={v.checks.length} venue={v} />}
          <Typography.Title level={5}>{t('venues.orders')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={v.orderList}
            columns={[
              {
                title: t('venues.kind'),
                dataIndex: 'kind',
                render: (k: VenueOrder['kind']) => t(`venues.orderKinds.${k}`),
              },
              { title: t('venues.from'), dataIndex: 'effectiveFrom' },
              {
                title: t('venues.until'),
                dataIndex: 'effectiveUntil',
                render: (u: string | null) => u ?? t('venues.untilOpen'),
              },
              {
                title: t('venues.inEffect'),
                dataIndex: 'inEffect',
                render: (e: boolean) => (e ? t('venues.inEffect') : t('venues.ended')),
              },
            ]}
          />
          <Typography.Title level={5}>{t('venues.checks')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={v.checks}
            columns={[
              { title: t('venues.checkedAt'), dataIndex: 'checkedAt', render: (c: string) => shanghaiDateTimeOf(c) },
              {
                title: t('venues.result'),
                dataIndex: 'result',
                render: (r: keyof typeof resultColor, c) => (
                  <>
                    <Tag color={resultColor[r]}>{t(`venues.results.${r}`)}</Tag>
                    {c.recheckOf && <Tag>{t('venues.recheck')}</Tag>}
                  </>
                ),
              },
              { title: t('venues.actionTaken'), dataIndex: 'actionTaken', render: (a: string | null) => a ?? '—' },
              { title: t('venues.checkedBy'), dataIndex: 'checkedBy', render: (b: string | null) => b ?? '—' },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
