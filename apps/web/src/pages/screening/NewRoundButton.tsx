import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { createRound, screeningKeys } from '../../api/screening';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';

interface Values {
  regionId: string;
  name: string;
  purpose?: string;
  startsOn: string;
  deadline: string;
  travelSince: string;
}

/** 开启排查: a township or the county opens a round over a region in its scope. */
export function NewRoundButton({ onCreated }: { onCreated(id: string): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const create = useMutation({ mutationFn: (v: Values) => createRound(v) });
  const required = (label: string) => [{ required: true, message: t('users.required', { field: label }) }];
  const onFinish = (v: Values) =>
    create.mutate(v, {
      onSuccess: (round) => {
        void message.success(t('screening.roundOpened'));
        void queryClient.invalidateQueries({ queryKey: screeningKeys.all });
        setOpen(false);
        form.resetFields();
        onCreated(round.id);
      },
      onError: (e) => {
        if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
      },
    });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('screening.newRound')}
      </Button>
      <Modal
        open={open}
        title={t('screening.newRound')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item name="name" label={t('screening.roundName')} rules={required(t('screening.roundName'))}>
            <Input placeholder={t('screening.roundNameExample')} />
          </Form.Item>
          <Form.Item name="regionId" label={t('register.region')} rules={required(t('register.region'))}>
            <RegionTreeSelect aria-label={t('register.region')} />
          </Form.Item>
          <Form.Item name="purpose" label={t('screening.purpose')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="startsOn" label={t('screening.startsOn')} rules={required(t('screening.startsOn'))}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="deadline" label={t('screening.deadline')} rules={required(t('screening.deadline'))}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="travelSince" label={t('screening.travelSince')} rules={required(t('screening.travelSince'))}>
            <Input type="date" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
