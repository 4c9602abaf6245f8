import { Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Escalation, useEscalations } from '../../api/responsibilityChains';
import { formatDateTime } from '../../components/labels';

/** 待督办: open escalations of a region and the named person each one goes to. */
export function EscalationsCard({ regionId }: { regionId?: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useEscalations({ regionId, page, pageSize: 10 });
  return (
    <Card
      title={
        <>
          {t('chains.escalations')} <Tag color={list.data?.total ? 'red' : 'green'}>{list.data?.total ?? 0}</Tag>
        </>
      }
      size="small"
    >
      <Table<Escalation>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        aria-label={t('chains.escalations')}
        pagination={{
          current: page,
          pageSize: 10,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('chains.kind'),
            dataIndex: 'kind',
            render: (k: Escalation['kind'], e) => (
              <Tag color="red">
                {t(`chains.kinds.${k}`)}
                {e.day ? ` ${e.day} ${t(`keyPersons.${e.slot ?? 'am'}`)}` : ''}
              </Tag>
            ),
          },
          {
            title: t('keyPersons.name'),
            dataIndex: 'name',
            render: (n: string, e) => (e.keyPersonId ? <Link to={`/key-persons/${e.keyPersonId}`}>{n}</Link> : n),
          },
          { title: t('chains.region'), dataIndex: 'regionName' },
          { title: t('chains.since'), dataIndex: 'since', render: formatDateTime },
          {
            title: t('chains.answerable'),
            key: 'who',
            render: (_, e) =>
              e.answerable ? (
                <>
                  {e.answerable.name}{' '}
                  <Typography.Text type="secondary">{t(`chains.duties.${e.answerable.duty}`)}</Typography.Text>
                  {e.answerable.phone && (
                    <>
                      {' '}
                      <a href={`tel:${e.answerable.phone}`}>{e.answerable.phone}</a>
                    </>
                  )}
                </>
              ) : (
                <Tag color="orange">{t('chains.nobody')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
