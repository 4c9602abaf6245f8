import { CHAIN_DUTIES } from '@fangkong/domain';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type SelectProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import {
  type AddChainMemberBody,
  type ChainMember,
  useAddChainMember,
  useChain,
  useRemoveChainMember,
} from '../../api/responsibilityChains';
import { UserPicker } from '../../components/UserPicker';

/** 包保责任链 of a region: who answers for it (包片/包村/包段/包户), and who above it does. */
export function ChainCard({ regionId, canManage }: { regionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const chain = useChain(regionId);
  const add = useAddChainMember(regionId);
  const remove = useRemoveChainMember(regionId);
  const [form] = Form.useForm<AddChainMemberBody>();
  const missing = CHAIN_DUTIES.filter(
    (d) => !chain.data?.members.some((m) => m.duty === d) && !chain.data?.above.some((m) => m.duty === d),
  );
  const columns = (own: boolean) => [
    {
      title: t('chains.duty'),
      dataIndex: 'duty',
      render: (d: ChainMember['duty']) => <Tag color="blue">{t(`chains.duties.${d}`)}</Tag>,
    },
    {
      title: t('chains.name'),
      dataIndex: 'name',
      render: (n: string, m: ChainMember) => (
        <>
          {n}
          {m.userId && <Tag style={{ marginLeft: 4 }}>{t('chains.account')}</Tag>}
        </>
      ),
    },
    {
      title: t('chains.phone'),
      dataIndex: 'phone',
      render: (p: string | null) => (p ? <a href={`tel:${p}`}>{p}</a> : '—'),
    },
    own
      ? { title: t('chains.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' }
      : { title: t('chains.region'), dataIndex: 'regionName' },
    ...(own && canManage
      ? [
          {
            title: t('common.actions'),
            key: 'x',
            render: (_: unknown, m: ChainMember) => (
              <Popconfirm
                title={t('chains.removeConfirm', { name: m.name })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutate(m.id, { onError: (err) => void message.error(errorMessage(err)) })}
              >
                <Button type="link" size="small" danger>
                  {t('keyPersons.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card title={t('chains.title')} size="small" loading={chain.isPending}>
      {missing.length > 0 && (
        <Typography.Paragraph type="warning">
          {t('chains.missing', { duties: missing.map((d) => t(`chains.duties.${d}`)).join('、') })}
        </Typography.Paragraph>
      )}
      <Table<ChainMember>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={chain.data?.members ?? []}
        columns={columns(true)}
        aria-label={t('chains.title')}
      />
      {(chain.data?.above.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('chains.above')}
          </Typography.Title>
          <Table<ChainMember>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={chain.data?.above ?? []}
            columns={columns(false)}
            aria-label={t('chains.above')}
          />
        </>
      )}
      {canManage && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(v) =>
            add.mutate(
              { ...v, phone: v.phone || undefined, note: v.note || undefined },
              {
                onSuccess: () => {
                  void message.success(t('keyPersons.saved'));
                  form.resetFields();
                },
                onError: (err) => {
                  if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
                },
              },
            )
          }
        >
          <Form.Item
            name="duty"
            rules={[{ required: true, message: t('users.required', { field: t('chains.duty') }) }]}
          >
            <DutySelect
              style={{ width: 150 }}
              placeholder={t('chains.duty')}
              aria-label={t('chains.duty')}
              options={CHAIN_DUTIES.map((d) => ({ value: d, label: t(`chains.duties.${d}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="name"
            rules={[{ required: true, message: t('users.required', { field: t('chains.name') }) }]}
          >
            <Input placeholder={t('chains.name')} aria-label={t('chains.name')} style={{ width: 120 }} maxLength={50} />
          </Form.Item>
          <Form.Item name="phone">
            <Input
              placeholder={t('chains.phone')}
              aria-label={t('chains.phone')}
              inputMode="tel"
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item name="userId">
            <UserPicker placeholder={t('chains.account')} aria-label={t('chains.account')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="note">
            <Input
              placeholder={t('chains.note')}
              aria-label={t('chains.note')}
              style={{ width: 160 }}
              maxLength={200}
            />
          </Form.Item>
          <Space>
            <Button htmlType="submit" loading={add.isPending}>
              {t('chains.add')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}

/** A Select that Form.Item marks required: aria-required is not allowed on its outer box (axe: aria-allowed-attr). */
function DutySelect({ 'aria-required': _required, ...props }: SelectProps & { 'aria-required'?: unknown }) {
  return <Select {...props} />;
}
