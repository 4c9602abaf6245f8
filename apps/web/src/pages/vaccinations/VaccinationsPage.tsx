import { DownloadOutlined } from '@ant-design/icons';
import { AGE_GROUP_KEYS, COVERAGE_DOSES } from '@fangkong/domain';
import { Button, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { downloadUrl } from '../../api/client';
import { useCoverage, type CoverageRow } from '../../api/vaccinations';
import { DoseImportButton } from './DoseImportButton';
import { NotVaccinatedList } from './NotVaccinatedList';

type Counts = { population: number; first: number; full: number; booster: number };
const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);

/** 疫苗接种: coverage by region × dose × age group, the not-vaccinated visit list, and the import of doses. */
export default function VaccinationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const regionId = params.get('regionId') ?? undefined;
  const day = params.get('day') ?? undefined;
  const [ageGroup, setAgeGroup] = useState<string>('all');
  const coverage = useCoverage({ regionId, day });
  const countsOf = (r: CoverageRow): Counts =>
    ageGroup === 'all' ? r : r.groups.find((g) => g.ageGroup === ageGroup)!;
  const rows = coverage.data ? [...coverage.data.children, coverage.data.region] : [];
  const openRegion = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('regionId', id);
    setParams(next);
  };
  const columns: ColumnsType<CoverageRow> = [
    {
      title: t('vaccinations.region'),
      key: 'region',
      render: (_, r) =>
        r.regionId === coverage.data?.region.regionId ? (
          <strong>
            {r.regionName} · {t('vaccinations.allAges')}
          </strong>
        ) : (
          <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => openRegion(r.regionId)}>
            {r.regionName}
          </Button>
        ),
    },
    {
      title: t('vaccinations.population'),
      key: 'population',
      align: 'right',
      render: (_, r) => countsOf(r).population,
    },
    ...COVERAGE_DOSES.map((dose) => ({
      title: t(`vaccinations.doses.${dose}`),
      key: dose,
      align: 'right' as const,
      render: (_: unknown, r: CoverageRow) => {
        const c = countsOf(r);
        return t('vaccinations.rate', { n: c[dose], rate: pct(c[dose], c.population) });
      },
    })),
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('vaccinations.title')}
          {coverage.data ? ` · ${coverage.data.region.regionName}` : ''}
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label={t('vaccinations.ageGroup')}
            value={ageGroup}
            onChange={setAgeGroup}
            style={{ minWidth: 140 }}
            options={[
              { value: 'all', label: t('vaccinations.allAges') },
              ...AGE_GROUP_KEYS.map((g) => ({ value: g, label: t(`vaccinations.ageGroups.${g}`) })),
            ]}
          />
          <Button
            icon={<DownloadOutlined />}
            href={downloadUrl('/api/v1/vaccinations/coverage/export', { regionId, day })}
          >
            {t('vaccinations.exportCoverage')}
          </Button>
          <DoseImportButton />
        </Space>
      </Space>
      <Typography.Title level={5}>
        {t('vaccinations.coverage')}
        {coverage.data ? ` · ${t('vaccinations.day')} ${coverage.data.day}` : ''}
      </Typography.Title>
      <div role="region" aria-label={t('vaccinations.coverage')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table<CoverageRow>
          size="small"
          rowKey="regionId"
          loading={coverage.isLoading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          data-testid="vaccination-coverage"
        />
      </div>
      <NotVaccinatedList />
    </>
  );
}
