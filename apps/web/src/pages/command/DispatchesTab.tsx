import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { addDays, shanghaiDateOf, shanghaiInstant } from '@fangkong/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { serverNow } from '../../api/server-clock';
import {
  type Dispatch,
  useCommandUnits,
  useDispatches,
  useFollowUpDispatch,
  useReplyDispatch,
  useSendDispatch,
} from '../../api/command';
import { COMMAND_MANAGERS, hasRole } from '../../auth/roles';
import { useMe } from '../../auth/session';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { formatDateTime } from '../../components/labels';
import { newId } from '../../offline';

type Box = 'inbox' | 'outbox';

/** 调度: what was handed to us (reply), what we handed down (follow up); overdue ones in red. */
export function DispatchesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canSend = hasRole(me.role, COMMAND_MANAGERS);
  const [box, setBox] = useState<Box>('inbox');
  const [page, setPage] = useState(1);
  const [sending, setSending] = useState(false);
  const [replying, setReplying] = useState<Dispatch>();
  const list = useDispatches({ box, page, pageSize: 20 });
  const followUp = useFollowUpDispatch();
  const act = (id: string, action: 'close' | 'return') =>
    followUp.mutate({ id, action }, { onError: (err) => void message.error(errorMessage(err)) });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented
          value={box}
          onChange={(v) => {
            setBox(v as Box);
            setPage(1);
          }}
          options={[
            { value: 'inbox', label: t('command.inbox') },
            ...(canSend ? [{ value: 'outbox', label: t('command.outbox') }] : []),
          ]}
        />
        {canSend && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setSending(true)}>
            {t('command.send')}
          </Button>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} />}
      <Table<Dispatch>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        aria-label={t('command.dispatches')}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        expandable={{ expandedRowRender: (d) => <DispatchDetail d={d} />, rowExpandable: (d) => !!(d.body || d.reply) }}
        columns={[
          { title: t('command.taskTitle'), dataIndex: 'title' },
          {
            title: box === 'inbox' ? t('command.from') : t('command.to'),
            key: 'who',
            render: (_, d) =>
              box === 'inbox' ? (
                <>
                  {d.fromRegionName} <span translate="no">{d.fromName}</span>
                </>
              ) : (
                (d.toUnitName ?? d.toRegionName)
              ),
          },
          {
            title: t('command.deadline'),
            dataIndex: 'deadline',
            render: (v: string, d) => (
              <>
                {formatDateTime(v)} {d.overdue && <Tag color="red">{t('command.overdue')}</Tag>}
              </>
            ),
          },
          {
            title: t('keyPersons.status'),
            dataIndex: 'status',
            render: (s: Dispatch['status']) => (
              <Tag color={s === 'closed' ? 'default' : s === 'replied' ? 'green' : 'processing'}>
                {t(`command.statuses.${s}`)}
              </Tag>
            ),
          },
          {
            title: t('common.actions'),
            key: 'x',
            render: (_, d) => (
              <Space size={0} wrap>
                {d.canReply && (
                  <Button type="link" size="small" onClick={() => setReplying(d)}>
                    {t('command.reply')}
                  </Button>
                )}
                {d.canClose && d.status === 'replied' && (
                  <Button type="link" size="small" onClick={() => act(d.id, 'close')}>
                    {t('command.close')}
                  </Button>
                )}
                {d.canClose && d.status === 'replied' && (
                  <Popconfirm
                    title={t('command.returnConfirm')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => act(d.id, 'return')}
                  >
                    <Button type="link" size="small" danger>
                      {t('command.return')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {sending && <SendModal onClose={() => setSending(false)} />}
      {replying && <ReplyModal d={replying} onClose={() => setReplying(undefined)} />}
    </Space>
  );
}

function DispatchDetail({ d }: { d: Dispatch }) {
  const { t } = useTranslation();
  return (
    <>
      {d.body && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>}
      {d.reply && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          <b>{t('command.replyLabel')}</b>（{d.repliedByName} {d.repliedAt && formatDateTime(d.repliedAt)}）：{d.reply}
        </Typography.Paragraph>
      )}
    </>
  );
}

interface SendValues {
  target: 'region' | 'unit';
  toRegionId?: string;
  toUnitId?: string;
  title: string;
  body?: string;
  deadline: string;
}

function SendModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SendValues>();
  const [id] = useState(newId);
  const target = Form.useWatch('target', form) ?? 'region';
  const units = useCommandUnits();
  const send = useSendDispatch();
  const required = (field: string) => [{ required: true, message: t('users.required', { field }) }];
  return (
    <Modal
      open
      title={t('command.send')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={send.isPending}
      okText={t('command.sendButton')}
      cancelText={t('common.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ target: 'region', deadline: `${addDays(shanghaiDateOf(serverNow()), 1)}T18:00` }}
        onFinish={({ target: tg, toRegionId, toUnitId, deadline, ...v }) =>
          send.mutate(
            {
              id,
              ...v,
              ...(tg === 'region' ? { toRegionId } : { toUnitId }),
              body: v.body || undefined,
              deadline: shanghaiInstant(deadline.slice(0, 10), deadline.slice(11, 16)).toISOString(),
            },
            {
              onSuccess: () => {
                void message.success(t('command.sent'));
                onClose();
              },
              onError: (err) => {
                if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
              },
            },
          )
        }
      >
        <Form.Item name="target">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'region', label: t('command.toRegion') },
              { value: 'unit', label: t('command.toUnit') },
            ]}
          />
        </Form.Item>
        {target === 'region' ? (
          <Form.Item name="toRegionId" label={t('command.to')} rules={required(t('command.to'))}>
            <RegionTreeSelect aria-label={t('command.to')} />
          </Form.Item>
        ) : (
          <Form.Item name="toUnitId" label={t('command.to')} rules={required(t('command.to'))}>
            <Select
              aria-label={t('command.to')}
              options={(units.data?.items ?? [])
                .filter((u) => u.kind !== 'headquarters')
                .map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('command.taskTitle')} rules={required(t('command.taskTitle'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('command.body')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="deadline" label={t('command.deadline')} rules={required(t('command.deadline'))}>
          <Input type="datetime-local" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReplyModal({ d, onClose }: { d: Dispatch; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reply: string }>();
  const reply = useReplyDispatch();
  return (
    <Modal
      open
      title={`${t('command.reply')} · ${d.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reply.isPending}
      okText={t('command.reply')}
      cancelText={t('common.cancel')}
    >
      {d.body && <Typography.Paragraph type="secondary">{d.body}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          reply.mutate(
            { id: d.id, reply: v.reply },
            {
              onSuccess: () => {
                void message.success(t('keyPersons.saved'));
                onClose();
              },
              onError: (err) => {
                if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
              },
            },
          )
        }
      >
        <Form.Item
          name="reply"
          label={t('command.replyLabel')}
          rules={[{ required: true, message: t('users.required', { field: t('command.replyLabel') }) }]}
        >
          <Input.TextArea rows={4} maxLength={4000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
