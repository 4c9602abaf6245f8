import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { mergePersons, useDuplicates } from '../../api/register';
import type { components } from '../../api/schema.gen';

type Pair = components['schemas']['DuplicatePage']['items'][number];
type Side = Pair['a'];

/** The likely-duplicates queue: a cadre picks which record stays; the other is merged into it. */
export function DuplicatesTab() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useDuplicates(page);
  const merge = useMutation({
    mutationFn: ({ keep, drop }: { keep: string; drop: string }) => mergePersons(keep, drop),
    onSuccess: () => {
      void message.success(t('register.merged'));
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const confirm = (keep: Side, drop: Side) =>
    modal.confirm({
      title: t('register.mergeTitle'),
      content: t('register.mergeConfirm', { keep: keep.name, drop: drop.name }),
      onOk: () => merge.mutateAsync({ keep: keep.id, drop: drop.id }),
    });
  const show = (s: Side) => (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>{s.name}</Typography.Text>
      <Typography.Text type="secondary">
        {[s.idNumber, s.birthDate, s.phone, s.address].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Space>
  );
  return (
    <>
      {list.isError && <Alert type="error" message={errorMessage(list.error)} />}
      <Table<Pair>
        rowKey={(p) => `${p.a.id}:${p.b.id}`}
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 700 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showTotal: (count) => t('common.total', { count }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: 'A', key: 'a', render: (_: unknown, p) => show(p.a) },
          { title: 'B', key: 'b', render: (_: unknown, p) => show(p.b) },
          {
            title: t('register.reason'),
            dataIndex: 'reason',
            render: (r: Pair['reason']) => <Tag>{t(`register.${r}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'act',
            render: (_: unknown, p) => (
              <Space wrap>
                <Button size="small" onClick={() => confirm(p.a, p.b)}>
                  {t('register.keep', { name: 'A' })}
                </Button>
                <Button size="small" onClick={() => confirm(p.b, p.a)}>
                  {t('register.keep', { name: 'B' })}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
