import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { movePerson, useHouseholds } from '../../api/register';
import type { PersonDetail } from '../../api/types';

interface Values {
  householdId: string;
  reason?: string;
  effectiveOn?: string;
}

/** 迁移: a person moves to another household in scope; the move stays in their history. */
export function MovePersonModal({ person, onClose }: { person: PersonDetail; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const households = useHouseholds({ q: q || undefined, page: 1, pageSize: 20 });
  const move = useMutation({
    mutationFn: (v: Values) =>
      movePerson(person.id, { ...v, effectiveOn: v.effectiveOn || undefined, reason: v.reason || undefined }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void queryClient.invalidateQueries({ queryKey: ['households'] });
    },
  });
  return (
    <Modal
      open
      title={t('lifecycle.moveTitle', { name: person.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={move.isPending}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          move.mutate(v, {
            onSuccess: () => {
              void message.success(t('register.saved'));
              onClose();
            },
            onError: (err) => {
              if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
            },
          })
        }
      >
        <Form.Item
          name="householdId"
          label={t('register.to')}
          rules={[{ required: true, message: t('users.required', { field: t('register.to') }) }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={(v) => setQ(v.trim())}
            loading={households.isFetching}
            aria-label={t('register.to')}
            placeholder={t('register.searchHousehold')}
            options={(households.data?.items ?? [])
              .filter((h) => h.id !== person.householdId)
              .map((h) => ({ value: h.id, label: `${h.address} ${h.headName ?? ''}` }))}
          />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('lifecycle.effectiveOn')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="reason" label={t('register.reason')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
