import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { screeningKeys, updateRound } from '../../api/screening';
import type { ScreeningRound } from '../../api/types';

interface Values {
  name?: string;
  purpose?: string | null;
  deadline?: string;
  status?: 'open' | 'closed';
}

/** 编辑/结束排查: rename a round, move its deadline, close it (or reopen a closed one). */
export function EditRoundButtons({ round }: { round: ScreeningRound }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const patch = useMutation({
    mutationFn: (v: Values) => updateRound(round.id, v),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: screeningKeys.all }),
  });
  const onError = (err: unknown) => {
    if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
  };
  const closing = round.status === 'open';
  return (
    <Space wrap>
      <Button onClick={() => setOpen(true)}>{t('lifecycle.editRound')}</Button>
      <Popconfirm
        title={t(closing ? 'lifecycle.closeRoundConfirm' : 'lifecycle.reopenRoundConfirm', { name: round.name })}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          patch.mutate(
            { status: closing ? 'closed' : 'open' },
            { onSuccess: () => void message.success(t('keyPersons.saved')), onError },
          )
        }
      >
        <Button danger={closing}>{t(closing ? 'lifecycle.closeRound' : 'lifecycle.reopenRound')}</Button>
      </Popconfirm>
      <Modal
        open={open}
        title={t('lifecycle.editRound')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={patch.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ name: round.name, purpose: round.purpose ?? '', deadline: round.deadline }}
          onFinish={(v) =>
            patch.mutate(
              { ...v, purpose: v.purpose || null },
              {
                onSuccess: () => {
                  void message.success(t('keyPersons.saved'));
                  setOpen(false);
                },
                onError,
              },
            )
          }
        >
          <Form.Item
            name="name"
            label={t('screening.roundName')}
            rules={[{ required: true, message: t('users.required', { field: t('screening.roundName') }) }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="purpose" label={t('screening.purpose')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('screening.deadline')}
            rules={[{ required: true, message: t('users.required', { field: t('screening.deadline') }) }]}
          >
            <Input type="date" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
