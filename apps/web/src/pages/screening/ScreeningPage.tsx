import { can } from '@fangkong/domain';
import { Alert, Breadcrumb, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useCoverage, useRounds } from '../../api/screening';
import type { Coverage } from '../../api/types';
import { formatCount } from '../../components/labels';
import { coverageRate } from './labels';
import { RoundHouseholdsTable } from './RoundHouseholdsTable';
import { NewRoundButton } from './NewRoundButton';
import { EditRoundButtons } from './EditRoundButton';
import { RoundExportButtons } from './RoundExportButtons';
import { FULL_VIEW_ROLES, hasRole } from '../../auth/roles';
import { useMe } from '../../auth/session';
import { useDrillFilter } from '../../components/DrillFilter';

type Child = Coverage['children'][number];
interface Focus {
  regionId?: string;
  name: string;
}

/** The round dashboard: live coverage of a region, one row per child region or grid, and the households behind it. */
export default function ScreeningPage() {
  const { t } = useTranslation();
  const rounds = useRounds();
  const me = useMe();
  // A figure of a report or the dashboard opens this page on its round and region, and, when it
  // counts households in some state or time, on exactly those households.
  const { roundId: drillRound, regionId: drillRegion, ...drillList } = useDrillFilter() ?? {};
  const listFilter = Object.keys(drillList).length
    ? { ...(drillRegion && { regionId: drillRegion }), ...drillList }
    : undefined;
  const [roundId, setRoundId] = useState<string | undefined>(drillRound);
  const [trail, setTrail] = useState<Focus[]>(drillRegion ? [{ regionId: drillRegion, name: '' }] : []);
  const [gridId, setGridId] = useState<string>();
  useEffect(() => {
    if (!roundId && rounds.data?.items.length)
      setRoundId((rounds.data.items.find((r) => r.status === 'open') ?? rounds.data.items[0])!.id);
  }, [rounds.data, roundId]);
  const focus = trail[trail.length - 1];
  const coverage = useCoverage(roundId, focus?.regionId);
  const round = rounds.data?.items.find((r) => r.id === roundId);
  const total = coverage.data?.total;
  const [rootName, setRootName] = useState<string>();
  useEffect(() => {
    if (trail.length === 0 && coverage.data) setRootName(coverage.data.regionName);
  }, [trail.length, coverage.data]);

  const open = (child: Child) => {
    if (child.kind === 'grid') setGridId(child.id ?? undefined);
    else if (child.id) {
      setTrail((tr) => [...tr, { regionId: child.id!, name: child.name }]);
      setGridId(undefined);
    }
  };
  const figures: (keyof NonNullable<typeof total>)[] = [
    'households',
    'visited',
    'away',
    'nobodyHome',
    'refused',
    'notVisited',
    'missing',
    'persons',
    'leads',
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('screening.title')}
      </Typography.Title>
      {rounds.isError && <Alert type="error" message={errorMessage(rounds.error)} />}
      {rounds.data?.items.length === 0 && <Alert type="info" message={t('screening.noRounds')} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('screening.round')}
          style={{ minWidth: 320 }}
          value={roundId}
          onChange={(id) => {
            setRoundId(id);
            setTrail([]);
            setGridId(undefined);
          }}
          options={rounds.data?.items.map((r) => ({ value: r.id, label: `${r.name}（${r.regionName}）` }))}
        />
        {can(me.role, 'screening.manageRounds') && (
          <NewRoundButton
            onCreated={(id) => {
              setRoundId(id);
              setTrail([]);
              setGridId(undefined);
            }}
          />
        )}
        {round && (
          <>
            <Tag color={round.status === 'open' ? 'processing' : 'default'}>{t(`screening.${round.status}`)}</Tag>
            <Typography.Text type="secondary">
              {t('screening.deadline')} {round.deadline} · {t('screening.travelSince')} {round.travelSince}
            </Typography.Text>
            <RoundExportButtons
              roundId={round.id}
              regionId={focus?.regionId}
              canFull={hasRole(me.role, FULL_VIEW_ROLES)}
            />
            {hasRole(me.role, ['admin', 'commander', 'townshipOfficer']) && <EditRoundButtons round={round} />}
          </>
        )}
      </Space>
      {(rootName || drillRegion) && (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[
            ...(rootName ? [rootName] : []),
            ...trail.map((f, i) => f.name || (i === trail.length - 1 ? (coverage.data?.regionName ?? '') : '')),
          ].map((name, i, all) => ({
            title:
              i < all.length - 1 ? (
                <a
                  onClick={() => {
                    setTrail((tr) => tr.slice(0, i));
                    setGridId(undefined);
                  }}
                >
                  {name}
                </a>
              ) : (
                name
              ),
          }))}
        />
      )}
      {coverage.isError && <Alert type="error" message={errorMessage(coverage.error)} />}
      {total && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={[16, 8]}>
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('screening.rate')} value={coverageRate(total)} />
            </Col>
            {figures.map((k) => (
              <Col key={k} xs={12} sm={8} md={4}>
                <Statistic
                  title={t(`screening.${k}`)}
                  value={formatCount(total[k])}
                  valueStyle={k === 'missing' && total.missing ? { color: '#cf1322' } : undefined}
                />
              </Col>
            ))}
          </Row>
        </Card>
      )}
      {coverage.data && coverage.data.children.length > 0 && (
        <Table<Child>
          rowKey={(c) => `${c.kind}:${c.id ?? c.name}`}
          size="small"
          style={{ marginBottom: 16 }}
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={coverage.data.children}
          onRow={(c) => ({
            onClick: () => open(c),
            style: { cursor: 'pointer', background: c.kind === 'grid' && c.id === gridId ? '#e6f4ff' : undefined },
          })}
          columns={[
            {
              title: t('screening.name'),
              dataIndex: 'name',
              render: (v: string, c) => (
                <a>
                  {v || '—'}
                  {c.kind === 'grid' ? '' : ' ›'}
                </a>
              ),
            },
            { title: t('screening.rate'), key: 'rate', render: (_: unknown, c) => coverageRate(c) },
            ...figures.map((k) => ({
              title: t(`screening.${k}`),
              dataIndex: k,
              render: (v: number) => (k === 'missing' && v ? <Typography.Text type="danger">{v}</Typography.Text> : v),
            })),
          ]}
        />
      )}
      {roundId && (
        <RoundHouseholdsTable
          key={`${roundId}:${focus?.regionId ?? ''}:${gridId ?? ''}`}
          roundId={roundId}
          regionId={focus?.regionId ?? coverage.data?.regionId}
          gridId={gridId}
          drill={focus?.regionId === drillRegion ? listFilter : undefined}
        />
      )}
    </>
  );
}
