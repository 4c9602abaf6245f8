import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { exportChecksUrl, useHealthChecks } from '../../api/keyPersons';
import type { HealthCheckPage } from '../../api/types';
import { DrillBanner } from '../../components/DrillFilter';
import { formatDateTime } from '../../components/labels';
import { TemperatureTag } from './TemperatureTag';

type Check = HealthCheckPage['items'][number];

/** The checks a report figure counts (今日测温次数), as recorded, each linked to its key person's file. */
export function ChecksList({ filter }: { filter: Record<string, string> }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const checks = useHealthChecks({ ...filter, ...page });
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('checks.recordedTitle')}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} href={exportChecksUrl(filter)}>
          {t('checks.export')}
        </Button>
      </Space>
      <DrillBanner total={checks.data?.total} />
      <Table<Check>
        rowKey="id"
        size="small"
        loading={checks.isFetching}
        dataSource={checks.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: checks.data?.total,
          showTotal: (count) => t('common.total', { count }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          {
            title: t('keyPersons.name'),
            dataIndex: 'name',
            render: (n: string, c) => <Link to={`/key-persons/${c.keyPersonId}`}>{n}</Link>,
          },
          { title: t('keyPersons.region'), dataIndex: 'regionName' },
          { title: t('keyPersons.date'), key: 'slot', render: (_, c) => `${c.day} ${t(`keyPersons.${c.slot}`)}` },
          {
            title: t('keyPersons.temperature'),
            dataIndex: 'temperature',
            render: (v: number) => <TemperatureTag value={v} />,
          },
          {
            title: t('keyPersons.symptoms'),
            dataIndex: 'symptoms',
            render: (s: string[]) => s.map((x) => t(`keyPersons.symptomNames.${x}`)).join('、') || '—',
          },
          {
            title: t('keyPersons.measuredBy'),
            dataIndex: 'measuredBy',
            render: (m: Check['measuredBy']) => t(`keyPersons.measuredByNames.${m}`),
          },
          {
            title: t('checks.recordedAt'),
            dataIndex: 'recordedAt',
            render: (at: string, c) => (
              <>
                {formatDateTime(at)}
                {c.late && (
                  <Tag color="orange" style={{ marginLeft: 4 }}>
                    {t('checks.late')}
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
