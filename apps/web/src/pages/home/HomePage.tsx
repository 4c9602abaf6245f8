import { Alert, Button, Card, Col, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useRegion, useRegionChildren } from '../../api/regions';
import type { Region } from '../../api/types';
import { useMe } from '../../auth/session';
import { levelName, roleName } from '../../components/labels';
import { NAV_ITEMS, type NavPath } from '../../nav';
import { NAV_ICONS } from '../../nav-icons';
import { myWork } from './my-work';
import { SetupChecklist } from './SetupChecklist';

interface Figure {
  key: string;
  label: string;
  value: number | undefined;
}

/** The scope's figures; villages of a county are summed over its townships. */
function useFigures(region: Region | undefined): Figure[] {
  const { t } = useTranslation();
  const townships = useRegionChildren(region?.id, region?.level === 'county');
  if (!region) return [];
  const figures: Figure[] = [];
  if (region.level === 'county') {
    figures.push({ key: 'townships', label: t('home.townships'), value: region.childCount });
    const villages = townships.data?.reduce((sum, r) => sum + r.childCount, 0);
    figures.push({ key: 'villages', label: t('home.villages'), value: villages });
  } else if (region.level === 'township') {
    figures.push({ key: 'villages', label: t('home.villages'), value: region.childCount });
  } else if (region.level === 'village') {
    figures.push({ key: 'groups', label: t('home.groups'), value: region.childCount });
  }
  figures.push(
    { key: 'grids', label: t('home.grids'), value: region.gridCount },
    { key: 'households', label: t('home.households'), value: region.householdCount },
    { key: 'persons', label: t('home.persons'), value: region.personCount },
  );
  return figures;
}

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const region = useRegion(me.regionId);
  const figures = useFigures(region.data);
  const navigate = useNavigate();
  const work = myWork(me.role, NAV_ITEMS);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.greeting', { name: me.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        <Tag color="blue">{roleName(me.role)}</Tag>
        {t('home.scope', { region: me.regionName })} <Tag>{levelName(me.regionLevel)}</Tag>
        {region.data && <Typography.Text code>{region.data.code}</Typography.Text>}
      </Typography.Paragraph>
      <SetupChecklist enabled={me.role === 'admin'} />
      {work.length > 0 && (
        <section aria-label={t('home.myWork')} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{t('home.myWork')}</Typography.Title>
          <Row gutter={[12, 12]}>
            {work.map((item, i) => (
              <Col key={item.path} xs={12} sm={8} lg={4}>
                <Button
                  block
                  size="large"
                  type={i === 0 ? 'primary' : 'default'}
                  icon={NAV_ICONS[item.path as NavPath]}
                  onClick={() => navigate(item.path)}
                >
                  {t(item.labelKey)}
                </Button>
              </Col>
            ))}
          </Row>
        </section>
      )}
      {region.isError && <Alert type="error" showIcon message={errorMessage(region.error)} />}
      {region.isPending && <Skeleton active />}
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} sm={8} lg={4}>
            <Card size="small">
              <Statistic title={f.label} value={f.value ?? '—'} loading={f.value === undefined} groupSeparator="," />
            </Card>
          </Col>
        ))}
      </Row>
      {region.data && (
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to="/regions">{t('nav.regions')} →</Link>
        </Typography.Paragraph>
      )}
    </>
  );
}
