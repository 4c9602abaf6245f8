import { KEY_PERSON_CATEGORIES, KEY_PERSON_SOURCES, MEASURES, shanghaiDateOf } from '@fangkong/domain';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { serverNow } from '../../api/server-clock';
import { useOpenFile } from '../../api/keyPersons';
import { usePersons } from '../../api/register';
import { newId } from '../../offline';

interface Values {
  personId: string;
  category: string;
  measure: string;
  source: string;
  startDate: string;
  plannedEndDate?: string;
}

/** 建档: opens a key-person file for someone already in the register, without going through a lead. */
export function OpenFileModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  // One id per dialog, so a double submit or a retry opens one file.
  const [id] = useState(newId);
  const persons = usePersons({ q: q || undefined, page: 1, pageSize: 20 }, q.length > 0);
  const open = useOpenFile();
  const required = (field: string) => [{ required: true, message: t('users.required', { field }) }];
  const submit = (v: Values) =>
    open.mutate(
      { id, ...v, plannedEndDate: v.plannedEndDate || undefined },
      {
        onSuccess: (file) => {
          void message.success(t('lifecycle.opened'));
          onClose();
          void navigate(`/key-persons/${file.id}`);
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  return (
    <Modal
      open
      title={t('lifecycle.open')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={open.isPending}
      okText={t('lifecycle.openButton')}
      cancelText={t('common.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ source: 'other', measure: 'homeIsolation', startDate: shanghaiDateOf(serverNow()) }}
      >
        <Form.Item
          name="personId"
          label={t('lifecycle.person')}
          rules={required(t('lifecycle.person'))}
          extra={t('lifecycle.personHint')}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={(v) => setQ(v.trim())}
            loading={persons.isFetching}
            notFoundContent={null}
            aria-label={t('lifecycle.person')}
            options={(persons.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name} ${p.idNumber ?? ''} ${p.regionName}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('keyPersons.category')} rules={required(t('keyPersons.category'))}>
          <Select options={KEY_PERSON_CATEGORIES.map((c) => ({ value: c, label: t(`keyPersons.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="measure" label={t('keyPersons.measure')} rules={required(t('keyPersons.measure'))}>
          <Select options={MEASURES.map((m) => ({ value: m, label: t(`keyPersons.measures.${m}`) }))} />
        </Form.Item>
        <Form.Item name="source" label={t('keyPersons.source')}>
          <Select options={KEY_PERSON_SOURCES.map((s) => ({ value: s, label: t(`keyPersons.sources.${s}`) }))} />
        </Form.Item>
        <Form.Item name="startDate" label={t('keyPersons.startDate')} rules={required(t('keyPersons.startDate'))}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="plannedEndDate" label={t('keyPersons.plannedEndDate')} extra={t('lifecycle.endHint')}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
