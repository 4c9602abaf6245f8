import { RightOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Empty, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useRiskAreas } from '../../api/register';
import { useCoverage, useRoundHouseholds, useRounds } from '../../api/screening';
import { useMe } from '../../auth/session';
import type { RoundHousehold } from '../../api/types';
import { useOutboxItems } from '../../offline';
import { STATE_COLORS } from '../screening/labels';
import { VisitForm } from './VisitForm';

/** The grid worker's list for the open round: households of their grids not yet covered first, one tap to the visit form. */
export default function MyHouseholdsPage() {
  const { t } = useTranslation();
  const rounds = useRounds();
  const open = rounds.data?.items.filter((r) => r.status === 'open') ?? [];
  const [roundId, setRoundId] = useState<string>();
  useEffect(() => {
    if (!roundId && open[0]) setRoundId(open[0].id);
  }, [open, roundId]);
  const [only, setOnly] = useState<'missing' | 'all'>('missing');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  // A grid worker works their grids; a village or township user works their region, by village and grid.
  const me = useMe();
  const personal = me.role === 'gridWorker';
  const [focus, setFocus] = useState<{ regionId?: string; gridId?: string; unassigned?: 'true' }>({});
  const coverage = useCoverage(personal ? undefined : roundId, focus.regionId);
  const list = useRoundHouseholds(roundId, {
    ...(personal ? { mine: 'true' as const } : focus),
    state: only === 'missing' ? 'missing' : undefined,
    q: q || undefined,
    page,
    pageSize: 50,
  });
  const focusKey = focus.gridId ?? (focus.unassigned ? 'none' : focus.regionId ? `r:${focus.regionId}` : 'all');
  const [visiting, setVisiting] = useState<RoundHousehold>();
  useRiskAreas(); // loaded with the list, so the visit form has them offline
  const pending = useOutboxItems();
  const queued = new Set(pending.map((p) => (p.body as { householdId?: string } | null)?.householdId).filter(Boolean));

  if (rounds.isError) return <Alert type="error" message={errorMessage(rounds.error)} />;
  if (rounds.data && open.length === 0) return <Empty description={t('field.noRound')} />;

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('field.title')}
      </Typography.Title>
      {open.length > 1 && (
        <Select
          size="large"
          style={{ width: '100%', marginBottom: 8 }}
          value={roundId}
          onChange={(v) => {
            setRoundId(v);
            setPage(1);
          }}
          options={open.map((r) => ({ value: r.id, label: r.name }))}
        />
      )}
      {open.length === 1 && (
        <Typography.Paragraph type="secondary">
          {open[0]!.name} · {t('screening.deadline')} {open[0]!.deadline}
        </Typography.Paragraph>
      )}
      <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
        {!personal && coverage.data && (
          <Select
            size="large"
            style={{ width: '100%' }}
            aria-label={t('myRegion.pick')}
            data-testid="region-focus"
            value={focusKey}
            onChange={(v: string) => {
              setPage(1);
              if (v === 'all') setFocus({});
              else if (v === 'up') setFocus({});
              else if (v.startsWith('r:')) setFocus({ regionId: v.slice(2) });
              else if (v === 'none') setFocus({ regionId: focus.regionId, unassigned: 'true' });
              else setFocus({ regionId: focus.regionId, gridId: v });
            }}
            options={[
              {
                value: focus.regionId ? 'up' : 'all',
                label: `${focus.regionId ? `← ${t('myRegion.all')}` : t('myRegion.all')} · ${coverage.data.regionName} · ${t('myRegion.missingIn', { n: coverage.data.total.missing })}`,
              },
              ...coverage.data.children.map((c) => ({
                value: c.kind === 'region' ? `r:${c.id}` : (c.id ?? 'none'),
                label: `${c.kind === 'grid' && !c.id ? t('myRegion.unassignedGrid') : c.name} · ${t('myRegion.missingIn', { n: c.missing })}`,
              })),
            ]}
          />
        )}
        <Segmented
          block
          size="large"
          value={only}
          onChange={(v) => {
            setOnly(v as 'missing' | 'all');
            setPage(1);
          }}
          options={[
            { value: 'missing', label: t('field.missing') },
            { value: 'all', label: t('field.all') },
          ]}
        />
        <Input.Search
          size="large"
          allowClear
          aria-label={t('field.search')}
          placeholder={t('field.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        {only === 'missing' && list.data && (
          <Typography.Text strong>{t('field.left', { count: list.data.total })}</Typography.Text>
        )}
      </Space>
      {list.isError && <Alert type="error" message={errorMessage(list.error)} />}
      <List<RoundHousehold>
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items}
        pagination={
          list.data && list.data.total > 50
            ? { current: page, pageSize: 50, total: list.data.total, onChange: setPage, simple: true }
            : false
        }
        renderItem={(h) => (
          // The whole row opens the visit by touch; its address is the button a keyboard reaches (a list item stays a list item).
          <List.Item
            onClick={() => setVisiting(h)}
            style={{ cursor: 'pointer', minHeight: 64, padding: '12px 8px' }}
            extra={<RightOutlined />}
          >
            <List.Item.Meta
              title={
                <Button
                  type="link"
                  style={{
                    fontSize: 16,
                    padding: 0,
                    height: 'auto',
                    whiteSpace: 'normal',
                    textAlign: 'left',
                    color: 'inherit',
                  }}
                >
                  {h.address}
                </Button>
              }
              description={
                <Space size={4} wrap>
                  <Tag color={STATE_COLORS[h.state]}>{t(`states.${h.state}`)}</Tag>
                  {queued.has(h.id) && <Tag color="gold">{t('outbox.title')}</Tag>}
                  <span>
                    {h.headName ?? '—'} · {t('fieldNotes.memberCount', { count: h.memberCount })}
                  </span>
                  {!personal && <Tag>{h.gridName ?? t('myRegion.unassignedGrid')}</Tag>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Drawer
        open={!!visiting}
        onClose={() => setVisiting(undefined)}
        placement="bottom"
        height="100%"
        title={visiting?.address}
        destroyOnHidden
      >
        {visiting && roundId && (
          <VisitForm roundId={roundId} household={visiting} onDone={() => setVisiting(undefined)} />
        )}
      </Drawer>
    </div>
  );
}
