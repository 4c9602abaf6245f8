import { can, shanghaiDateOf } from '@fangkong/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { createRiskArea, endRiskArea } from '../../api/screening';
import { registerKeys, useRiskAreas } from '../../api/register';
import type { RiskArea } from '../../api/types';
import { useMe } from '../../auth/session';

interface Values {
  name: string;
  level: RiskArea['level'];
  startsOn: string;
  endsOn?: string;
}

/** 风险地区: the county's list, read by every level; written by the county command and admins. */
export default function RiskAreasPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const list = useRiskAreas();
  const [form] = Form.useForm<Values>();
  const canWrite = can(me.role, 'riskAreas.manage') && me.regionLevel === 'county';
  const done = () => void queryClient.invalidateQueries({ queryKey: registerKeys.riskAreas });
  const create = useMutation({
    mutationFn: (v: Values) => createRiskArea({ ...v, endsOn: v.endsOn || undefined }),
    onSuccess: () => {
      form.resetFields();
      done();
    },
  });
  const end = useMutation({
    mutationFn: (a: RiskArea) => endRiskArea(a.id, shanghaiDateOf(new Date())),
    onSuccess: done,
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('riskAreas.title')}
      </Typography.Title>
      {canWrite && (
        <Form<Values>
          form={form}
          layout="inline"
          style={{ marginBottom: 16, rowGap: 8 }}
          initialValues={{ level: 'high' }}
          onFinish={(v) =>
            create.mutate(v, {
              onError: (e) => {
                if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
              },
            })
          }
        >
          <Form.Item name="name" rules={[{ required: true, message: t('riskAreas.name') }]}>
            <Input aria-label={t('riskAreas.name')} placeholder={t('riskAreas.name')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="level">
            <Select
              aria-label={t('controls.level')}
              style={{ width: 100 }}
              options={(['high', 'medium', 'low'] as const).map((l) => ({ value: l, label: t(`riskAreas.${l}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="startsOn"
            label={t('riskAreas.startsOn')}
            rules={[{ required: true, message: t('riskAreas.startsOn') }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('riskAreas.endsOn')}>
            <Input type="date" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('common.create')}
          </Button>
        </Form>
      )}
      <Table<RiskArea>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: t('riskAreas.name'), dataIndex: 'name' },
          {
            title: t('riskAreas.level'),
            dataIndex: 'level',
            render: (l: RiskArea['level']) => (
              <Tag color={l === 'high' ? 'red' : l === 'medium' ? 'orange' : 'gold'}>{t(`riskAreas.${l}`)}</Tag>
            ),
          },
          { title: t('riskAreas.startsOn'), dataIndex: 'startsOn' },
          { title: t('riskAreas.endsOn'), dataIndex: 'endsOn', render: (v: string | null) => v ?? '—' },
          {
            title: t('riskAreas.active'),
            dataIndex: 'active',
            render: (v: boolean) =>
              v ? <Tag color="red">{t('riskAreas.active')}</Tag> : <Tag>{t('riskAreas.inactive')}</Tag>,
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'end',
                  render: (_: unknown, a: RiskArea) =>
                    a.active && (
                      <Space>
                        <Button size="small" onClick={() => end.mutate(a)}>
                          {t('riskAreas.end')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
