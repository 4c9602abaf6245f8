import { Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DailyReportPreview } from '../../api/types';

type Drill = DailyReportPreview['drillDown'][string][string];
const href = (d: Drill) => `${d.web}?${new URLSearchParams(d.query).toString()}`;

/**
 * Every figure of the report, each a link to the list of the records behind it (in the viewer's
 * scope). For a township, beside each figure the sum of its villages' submitted reports, marked
 * where it differs from the records (a village that has not reported, or reported before a change).
 */
export function FigureTable({
  figures,
  drillDown,
  villageSum,
}: {
  figures: Record<string, Record<string, number>>;
  drillDown: DailyReportPreview['drillDown'];
  villageSum?: Record<string, Record<string, number>> | null;
}) {
  const { t } = useTranslation();
  const rows = Object.entries(figures).flatMap(([section, values]) =>
    Object.entries(values).map(([key, value]) => ({
      key: `${section}.${key}`,
      section,
      figure: key,
      value,
      drill: drillDown[section]?.[key],
      summed: villageSum ? (villageSum[section]?.[key] ?? 0) : undefined,
    })),
  );
  return (
    <Table
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowKey="key"
      dataSource={rows}
      columns={[
        {
          title: t('figures.section'),
          dataIndex: 'section',
          render: (s: string) => t(`figures.sections.${s}`, { defaultValue: s }),
        },
        {
          title: t('figures.figure'),
          dataIndex: 'figure',
          render: (k: string, r) => t(`figures.keys.${r.section}.${k}`, { defaultValue: k }),
        },
        {
          title: t('figures.value'),
          dataIndex: 'value',
          align: 'right',
          render: (v: number, r) =>
            r.drill ? (
              <Link
                to={href(r.drill)}
                title={r.drill.exact ? t('figures.open') : t('figures.nearest')}
                data-figure={r.key}
              >
                {v}
              </Link>
            ) : (
              v
            ),
        },
        ...(villageSum
          ? [
              {
                title: t('figures.villageSum'),
                dataIndex: 'summed',
                align: 'right' as const,
                render: (summed: number, r: (typeof rows)[number]) =>
                  summed === r.value ? (
                    summed
                  ) : (
                    <Tooltip title={t('figures.differs', { diff: r.value - summed })}>
                      <Typography.Text type="warning" data-differs={r.key}>
                        {summed}（{r.value - summed > 0 ? '+' : ''}
                        {r.value - summed}）
                      </Typography.Text>
                    </Tooltip>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
