import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { leadFeedbackUrl, useLeadLists } from '../../api/leads';
import type { LeadList } from '../../api/types';
import { formatDateTime } from '../../components/labels';

/**
 * 协查名单: the lists sent down by the county's bureaus, each with how far its rows are verified in
 * this scope, and the 协查反馈表 to send back (full ID numbers, so the download is audited).
 */
export function LeadListsTab({ canManage, onUnmatched }: { canManage: boolean; onUnmatched(): void }) {
  const { t } = useTranslation();
  const lists = useLeadLists();
  if (lists.isError) return <Alert type="error" showIcon message={errorMessage(lists.error)} />;
  return (
    <Table<LeadList>
      rowKey="listId"
      size="middle"
      loading={lists.isFetching}
      dataSource={lists.data?.items ?? []}
      scroll={{ x: 'max-content' }}
      pagination={false}
      locale={{ emptyText: t('leads.noLists') }}
      columns={[
        { title: t('leads.issuer'), dataIndex: 'issuer' },
        { title: t('leads.batch'), dataIndex: 'batch', render: (v: string | null) => v ?? '—' },
        { title: t('leads.importedAt'), dataIndex: 'importedAt', render: formatDateTime },
        {
          title: t('leads.listDeadline'),
          dataIndex: 'deadline',
          render: (v: string | null) => (v ? formatDateTime(v) : t('leads.countyDeadline')),
        },
        { title: t('leads.rows'), dataIndex: 'rows', align: 'right' },
        { title: t('leads.verified'), dataIndex: 'verified', align: 'right' },
        { title: t('leads.dismissed'), dataIndex: 'dismissed', align: 'right' },
        {
          title: t('leads.inProgress'),
          key: 'open',
          align: 'right',
          render: (_, l) => (
            <>
              {l.open}
              {l.unmatched > 0 && (
                <Button size="small" type="link" onClick={onUnmatched}>
                  {t('leads.unmatchedRows', { count: l.unmatched })}
                </Button>
              )}
              {l.overdue > 0 && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t('leads.overdue')} {l.overdue}
                </Tag>
              )}
            </>
          ),
        },
        ...(canManage
          ? [
              {
                title: t('common.actions'),
                key: 'feedback',
                render: (_: unknown, l: LeadList) => (
                  <Button size="small" icon={<DownloadOutlined />} href={leadFeedbackUrl(l.listId)}>
                    {t('leads.feedback')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
