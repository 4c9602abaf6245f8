import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DailyReportPreview } from '../../api/types';

type Drill = DailyReportPreview['drillDown'][string][string];
const href = (d: Drill) => `${d.web}?${new URLSearchParams(d.query).toString()}`;

/** Every figure of the report, each a link to the list of the records behind it (in the viewer's scope). */
export function FigureTable({ figures, drillDown }: { figures: Record<string, Record<string, number>>; drillDown: DailyReportPreview['drillDown'] }) {
  const { t } = useTranslation();
  const rows = Object.entries(figures).flatMap(([section, values]) =>
    Object.entries(values).map(([key, value]) => ({ key: `${section}.${key}`, section, figure: key, value, drill: drillDown[section]?.[key] })),
  );
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: t('figures.section'), dataIndex: 'section', render: (s: string) => t(`figures.sections.${s}`, { defaultValue: s }) },
        { title: t('figures.figure'), dataIndex: 'figure', render: (k: string, r) => t(`figures.keys.${r.section}.${k}`, { defaultValue: k }) },
        {
          title: t('figures.value'),
          dataIndex: 'value',
          align: 'right',
          render: (v: number, r) => (r.drill ? <Link to={href(r.drill)} title={r.drill.exact ? t('figures.open') : t('figures.nearest')} data-figure={r.key}>{v}</Link> : v),
        },
      ]}
    />
  );
}
