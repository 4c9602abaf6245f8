import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, List, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { rolesWith } from '@fangkong/domain';
import { useStoreStock, useSupplyStores, type StockLine, type SupplyStore } from '../../api/supplies';
import { useMe } from '../../auth/session';
import { hasRole } from '../../auth/roles';
import { MovementModal } from './MovementModal';
import { StoreFormModal } from './StoreFormModal';
import { useItemName } from './itemName';

const RECORDERS = rolesWith('supplies.record');
const MANAGERS = rolesWith('supplies.manage');

/** 物资: the stores in scope with what is short, a store's stock and days of cover, and recording a movement. */
export default function SuppliesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const itemName = useItemName();
  const [params, setParams] = useSearchParams();
  const regionId = params.get('regionId') ?? undefined;
  const short = params.get('short') === 'true';
  const stores = useSupplyStores({ regionId, ...(short ? { short: 'true' as const } : {}) });
  const [selected, setSelected] = useState<string>();
  const storeId = selected ?? stores.data?.items[0]?.id;
  const stock = useStoreStock(storeId);
  const [moving, setMoving] = useState<{ itemId?: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const canRecord = hasRole(me.role, RECORDERS);
  const setShort = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('short', 'true');
    else next.delete('short');
    setParams(next);
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('supplies.title')}
        </Typography.Title>
        <Space wrap>
          <label>
            <Switch size="small" checked={short} onChange={setShort} aria-label={t('supplies.onlyShort')} />{' '}
            {t('supplies.onlyShort')}
          </label>
          {hasRole(me.role, MANAGERS) ? (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('supplies.newStore')}
            </Button>
          ) : null}
        </Space>
      </Space>
      <List<SupplyStore>
        size="small"
        bordered
        loading={stores.isLoading}
        dataSource={stores.data?.items ?? []}
        locale={{ emptyText: t('supplies.noStores') }}
        renderItem={(s) => (
          <List.Item style={{ background: s.id === storeId ? '#e6f4ff' : undefined }} data-testid="supply-store">
            <Space direction="vertical" size={0}>
              <Button
                type="link"
                style={{ padding: 0, height: 'auto', fontWeight: 600 }}
                aria-pressed={s.id === storeId}
                onClick={() => setSelected(s.id)}
              >
                {s.name}
              </Button>
              <Typography.Text type="secondary">
                {s.regionName} · {t(`supplies.storeKinds.${s.kind}`)}
              </Typography.Text>
            </Space>
            {s.itemsShort ? (
              <Badge count={t('supplies.itemsShort', { count: s.itemsShort })} />
            ) : (
              <Tag color="green">{t('supplies.enough')}</Tag>
            )}
          </List.Item>
        )}
      />
      {storeId && stock.data ? (
        <div style={{ marginTop: 16 }}>
          <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {stock.data.store.name}
            </Typography.Title>
            {canRecord ? (
              <Button type="primary" onClick={() => setMoving({})}>
                {t('supplies.record')}
              </Button>
            ) : null}
          </Space>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('supplies.coverRule', { days: stock.data.lowCoverDays })}
          </Typography.Paragraph>
          <Table<StockLine>
            rowKey="itemId"
            size="small"
            pagination={false}
            dataSource={stock.data.lines}
            scroll={{ x: 340 }}
            onRow={(l) => (canRecord ? { onClick: () => setMoving({ itemId: l.itemId }) } : {})}
            columns={[
              { title: t('supplies.item'), key: 'item', render: (_, l) => itemName(l) },
              {
                title: t('supplies.stock'),
                dataIndex: 'stock',
                align: 'right',
                render: (n: number, l) => `${n} ${t(`supplies.units.${l.unit}`)}`,
              },
              { title: t('supplies.daily'), dataIndex: 'averageDailyIssue', align: 'right' },
              {
                title: t('supplies.cover'),
                dataIndex: 'daysOfCover',
                align: 'right',
                render: (d: number | null, l) =>
                  d === null ? (
                    '—'
                  ) : (
                    <Typography.Text type={l.short ? 'danger' : undefined} strong={l.short}>
                      {t('supplies.days', { count: d })}
                    </Typography.Text>
                  ),
              },
            ]}
          />
        </div>
      ) : null}
      {storeId && moving ? (
        <MovementModal
          storeId={storeId}
          itemId={moving.itemId}
          lines={stock.data?.lines ?? []}
          stores={(stores.data?.items ?? []).filter((s) => s.id !== storeId)}
          onClose={() => setMoving(null)}
        />
      ) : null}
      <StoreFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
