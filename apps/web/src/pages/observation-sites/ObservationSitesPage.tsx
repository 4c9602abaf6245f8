import { Alert, Card, Col, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useSites } from '../../api/fileOffice';
import { KEY_PERSON_MANAGERS, hasRole } from '../../auth/roles';
import { ENTRY_READERS } from '../checkpoints/roles';
import { useMe } from '../../auth/session';
import { HoldsCard } from './HoldsCard';
import { NewSiteButton } from './SiteForms';

/** The observation-site board: beds, occupied, free per site and in total; red past 90%. */
export default function ObservationSitesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const sites = useSites();
  if (sites.isError) return <Alert type="error" showIcon message={errorMessage(sites.error)} />;
  const data = sites.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('sites.title')}
        </Typography.Title>
        {hasRole(me.role, KEY_PERSON_MANAGERS) && <NewSiteButton />}
      </Space>
      <Row gutter={16}>
        <Col xs={8}>
          <Statistic title={t('sites.beds')} value={data?.summary.beds ?? 0} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('sites.occupied')} value={data?.summary.occupied ?? 0} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('sites.free')} value={data?.summary.free ?? 0} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        {(data?.items ?? []).map((s) => (
          <Col key={s.id} xs={24} md={12} xl={8}>
            <Card
              title={<Link to={`/observation-sites/${s.id}`}>{s.name}</Link>}
              extra={s.warning && <Tag color="red">{t('sites.warning')}</Tag>}
            >
              <Progress
                aria-label={s.name}
                percent={Math.round(s.occupancy * 100)}
                status={s.warning ? 'exception' : 'normal'}
              />
              <Typography.Text>{t('sites.line', { occupied: s.occupied, beds: s.beds, free: s.free })}</Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {s.regionName} {s.address ?? ''}
                </Typography.Text>
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      {hasRole(me.role, ENTRY_READERS) && (
        <HoldsCard sites={data?.items ?? []} canPlace={hasRole(me.role, KEY_PERSON_MANAGERS)} />
      )}
    </Space>
  );
}
