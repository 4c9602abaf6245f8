import { Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingHistory } from '../../api/countySettings';
import type { CountySettingChangePage } from '../../api/types';
import { formatDateTime } from '../../components/labels';

type Change = CountySettingChangePage['items'][number]['changes'][number];

/** The name of a stored key: 截止时间, 管控天数（密切接触者）… */
function useKeyName() {
  const { t } = useTranslation();
  return (key: string) => {
    const [head, category] = key.split('.');
    const name = t(`countySettings.keys.${head}`);
    return category
      ? t('countySettings.keyOfCategory', { name, category: t(`keyPersons.categories.${category}`) })
      : name;
  };
}

/** 变更记录: who changed which region's settings, when, from what to what. */
export function HistoryTable({ regionId }: { regionId?: string }) {
  const { t } = useTranslation();
  const keyName = useKeyName();
  const [page, setPage] = useState(1);
  const history = useSettingHistory({ regionId, page, pageSize: 20 });
  const shown = (v: unknown) => {
    if (v === null || v === undefined) return t('countySettings.inheritedValue');
    if (typeof v === 'boolean') return v ? t('countySettings.on') : t('countySettings.off');
    if (typeof v === 'object')
      return Object.values(v as Record<string, { opens: string; closes: string }>)
        .map((w) => `${w.opens}–${w.closes}`)
        .join(t('countySettings.listSeparator'));
    return String(v);
  };
  const line = (c: Change) =>
    t('countySettings.changeLine', { key: keyName(c.key), old: shown(c.old), new: shown(c.new) });
  return (
    <Table
      size="small"
      rowKey="id"
      loading={history.isFetching}
      dataSource={history.data?.items ?? []}
      pagination={{
        current: page,
        pageSize: 20,
        total: history.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
      columns={[
        {
          title: t('countySettings.changedAt'),
          dataIndex: 'changedAt',
          render: (v: string) => formatDateTime(v),
          width: 170,
        },
        { title: t('countySettings.region'), dataIndex: 'regionName', width: 140 },
        {
          title: t('countySettings.section'),
          dataIndex: 'section',
          render: (s: string) => t(`countySettings.${s}`),
          width: 100,
        },
        {
          title: t('countySettings.changes'),
          key: 'changes',
          render: (_, r) =>
            r.changes.map((c) => (
              <Typography.Paragraph key={c.key} style={{ margin: 0 }}>
                {line(c)}
              </Typography.Paragraph>
            )),
        },
        {
          title: t('countySettings.changedBy'),
          dataIndex: 'changedByName',
          width: 120,
          render: (v: string | null) => v ?? t('countySettings.system'),
        },
      ]}
    />
  );
}
