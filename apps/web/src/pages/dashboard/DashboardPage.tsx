import { can, shanghaiInstant } from '@fangkong/domain';
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useWallChartHeight } from './useWallChartHeight';
import { useDashboard } from '../../api/dashboard';
import { LazyChart as Chart } from '../../components/LazyChart';
import { useLiveEvents } from './useLiveEvents';
import { useMe } from '../../auth/session';
import SentinelSpikes from '../sentinels/SentinelSpikes';
import './wall.css';

/** 指挥调度: the county's or township's picture at a glance; `?wall=1` for the wall screen. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const wall = params.get('wall') === '1';
  const regionId = params.get('regionId') ?? undefined;
  const { data } = useDashboard(regionId);
  const notices = useLiveEvents();
  const theme = wall ? 'dark' : undefined;
  const navigate = useNavigate();
  const me = useMe();
  // On the wall screen every card shares the one viewport (1920×1080): four per row, two rows, no scrolling.
  const [chartsRef, wallChartHeight] = useWallChartHeight(wall, Boolean(data));
  const chartHeight = wall ? wallChartHeight : undefined;
  const half = wall ? 6 : 12;
  if (!data) return null;
  // Figures open the lists behind them, for the region shown (the lists apply the viewer's scope).
  const drill = (path: string, query: Record<string, string> = {}, region = data.regionId) =>
    `${path}?${new URLSearchParams({ regionId: region, ...query })}`;
  const openChild = (query: Record<string, string>) => (e: { dataIndex: number }) => {
    const child = data.children[e.dataIndex];
    if (child) navigate(drill('/leads', query, child.regionId));
  };
  const names = data.children.map((c) => c.name);
  const kpDays = [...new Set(data.keyPersonsByDay.map((r) => r.day))].sort();
  const kpCategories = [...new Set(data.keyPersonsByDay.map((r) => r.category))];
  return (
    <div className={wall ? 'fk-wall' : undefined}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboard.title', { region: data.regionName })}
        </Typography.Title>
        <Button
          icon={wall ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
          onClick={() => setParams(wall ? {} : { wall: '1' })}
        >
          {wall ? t('dashboard.exitWall') : t('dashboard.wall')}
        </Button>
      </Space>
      {!wall && can(me.role, 'sentinels.read') ? <SentinelSpikes regionId={data.regionId} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Link to={drill('/register')}>
            <Card hoverable>
              <Statistic title={t('dashboard.persons')} value={data.totals.persons} />
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link to={drill('/leads', { status: 'open' })}>
            <Card hoverable>
              <Statistic title={t('dashboard.leadsOpen')} value={data.totals.leadsOpen} />
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link to={drill('/leads', { overdue: 'true' })}>
            <Card hoverable>
              <Statistic
                title={t('dashboard.leadsOverdue')}
                value={data.totals.leadsOverdue}
                valueStyle={{ color: data.totals.leadsOverdue ? '#cf1322' : undefined }}
              />
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={6}>
          <Link to="/daily-reports">
            <Card hoverable>
              <Statistic
                title={t('dashboard.reportsToday')}
                value={data.totals.reportsSubmitted}
                suffix={`/ ${data.totals.reportsExpected}`}
              />
            </Card>
          </Link>
        </Col>
      </Row>
      <Row gutter={[16, 16]} ref={chartsRef} style={{ marginTop: 16 }}>
        <Col xs={24} lg={half}>
          <Card title={t('dashboard.leadsByDay')}>
            <Chart
              theme={theme}
              height={chartHeight}
              option={{
                tooltip: { trigger: 'axis' },
                legend: {},
                xAxis: { type: 'category', data: data.leadsByDay.map((d) => d.day.slice(5)) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: t('dashboard.raised'), type: 'line', data: data.leadsByDay.map((d) => d.raised) },
                  { name: t('dashboard.resolved'), type: 'line', data: data.leadsByDay.map((d) => d.resolved) },
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={half}>
          <Card title={t('dashboard.reportsByRegion')}>
            <Chart
              theme={theme}
              height={chartHeight}
              option={{
                tooltip: { trigger: 'axis' },
                legend: {},
                xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: t('dashboard.expected'), type: 'bar', data: data.children.map((c) => c.reportsExpected) },
                  { name: t('dashboard.submitted'), type: 'bar', data: data.children.map((c) => c.reportsSubmitted) },
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={half}>
          <Card title={t('dashboard.coverageByRegion')}>
            <Chart
              theme={theme}
              height={chartHeight}
              option={{
                tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
                xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
                yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                series: [
                  {
                    name: t('dashboard.coverage'),
                    type: 'bar',
                    data: data.children.map((c) =>
                      c.households ? Math.round((1000 * c.householdsCovered) / c.households) / 10 : 0,
                    ),
                  },
                ],
              }}
              onClick={(e) => {
                const child = data.children[e.dataIndex];
                if (child) navigate(drill('/screening', {}, child.regionId));
              }}
            />
          </Card>
        </Col>
        {/* Coverage moves by the week, not the hour: the wall's two rows keep to what moves today. */}
        {!wall && (
          <Col xs={24} lg={half}>
            <Card title={t('dashboard.vaccinationByRegion')}>
              <Chart
                theme={theme}
                height={chartHeight}
                option={{
                  tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
                  xAxis: {
                    type: 'category',
                    data: names,
                    axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 },
                  },
                  yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                  series: [
                    {
                      name: t('dashboard.firstDoseRate'),
                      type: 'bar',
                      data: data.children.map((c) =>
                        c.vaccinationEligible
                          ? Math.round((1000 * c.vaccinationFirstDose) / c.vaccinationEligible) / 10
                          : 0,
                      ),
                    },
                  ],
                }}
                onClick={(e) => {
                  const child = data.children[e.dataIndex];
                  if (child) navigate(`/vaccinations?regionId=${child.regionId}`);
                }}
              />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={half}>
          <Card title={t('dashboard.checksToday')}>
            <Chart
              theme={theme}
              height={chartHeight}
              option={{
                tooltip: { trigger: 'axis' },
                legend: {},
                xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: t('dashboard.checksDue'), type: 'bar', data: data.children.map((c) => c.checksDueToday) },
                  { name: t('dashboard.checksDone'), type: 'bar', data: data.children.map((c) => c.checksDoneToday) },
                ],
              }}
              onClick={(e) => {
                const child = data.children[e.dataIndex];
                if (child) navigate(drill('/key-persons', { status: 'active' }, child.regionId));
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={half}>
          <Card title={t('dashboard.leadsByRegion')}>
            <Chart
              theme={theme}
              height={chartHeight}
              option={{
                tooltip: { trigger: 'axis' },
                legend: {},
                xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: t('dashboard.leadsOpen'), type: 'bar', data: data.children.map((c) => c.leadsOpen) },
                  {
                    name: t('dashboard.leadsOverdue'),
                    type: 'bar',
                    data: data.children.map((c) => c.leadsOverdue),
                    itemStyle: { color: '#cf1322' },
                  },
                ],
              }}
              onClick={(e) => openChild(e.seriesIndex === 1 ? { overdue: 'true' } : { status: 'open' })(e)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={half}>
          <Card title={t('dashboard.keyPersonsByDay')}>
            <Chart
              theme={theme}
              height={chartHeight}
              option={{
                tooltip: { trigger: 'axis' },
                legend: {},
                xAxis: { type: 'category', data: kpDays.map((d) => d.slice(5)) },
                yAxis: { type: 'value', minInterval: 1 },
                series: kpCategories.map((c) => ({
                  name: t(`keyPersons.categories.${c}`, { defaultValue: c }),
                  type: 'line',
                  stack: 'kp',
                  areaStyle: {},
                  data: kpDays.map((d) => data.keyPersonsByDay.find((r) => r.day === d && r.category === c)?.n ?? 0),
                })),
              }}
              onClick={() => navigate(drill('/key-persons', { status: 'active' }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={half}>
          <Card title={t('dashboard.checkpointFlow')}>
            <Chart
              theme={theme}
              height={chartHeight}
              option={{
                tooltip: { trigger: 'axis' },
                legend: {},
                xAxis: { type: 'category', data: data.checkpointFlow.map((h) => `${h.hour}:00`) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { name: t('dashboard.vehicles'), type: 'bar', data: data.checkpointFlow.map((h) => h.vehicles) },
                  {
                    name: t('dashboard.crossingPersons'),
                    type: 'bar',
                    data: data.checkpointFlow.map((h) => h.persons),
                  },
                  {
                    name: t('dashboard.turnedBack'),
                    type: 'line',
                    data: data.checkpointFlow.map((h) => h.turnedBack),
                    itemStyle: { color: '#cf1322' },
                  },
                ],
              }}
              onClick={(e) => {
                const start = shanghaiInstant(data.today, `${String(e.dataIndex).padStart(2, '0')}:00`);
                navigate(
                  drill('/checkpoint-log', {
                    from: start.toISOString(),
                    to: new Date(start.getTime() + 3_600_000).toISOString(),
                  }),
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={half}>
          <Card title={t('dashboard.overdue')}>
            <List
              size="small"
              dataSource={wall ? data.overdueLeads.slice(0, 5) : data.overdueLeads}
              style={wall ? { height: chartHeight, overflow: 'hidden' } : undefined}
              locale={{ emptyText: t('dashboard.noneOverdue') }}
              renderItem={(l) => (
                <List.Item>
                  <Space>
                    <Tag color="red">
                      {t('dashboard.overdueSince', { time: new Date(l.deadline).toLocaleString() })}
                    </Tag>
                    {l.regionName}
                    {l.sources.map((s) => (
                      <Tag key={s}>{t(`keyPersons.sources.${s}`, { defaultValue: s })}</Tag>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
            {notices.length > 0 && (
              <Typography.Text type="warning">{t('dashboard.live', { count: notices.length })}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
