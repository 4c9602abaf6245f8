import { KEY_PERSON_CATEGORIES, KEY_PERSON_TRANSITIONS, MEASURES } from '@fangkong/domain';
import { App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError, applyFieldErrors, errorMessage } from '../../api/client';
import { useSetStatus, useTransfer, useUpdateKeyPerson } from '../../api/keyPersons';
import type { KeyPersonDetail } from '../../api/types';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { FileConflictAlert } from './FileConflictAlert';

type Dialog = 'change' | 'hospitalized' | 'lostToFollowUp' | 'active' | 'transfer';

/** 变更类别/措施, 住院, 失访, 恢复管控, 转出: the file's lifecycle beyond checks and release. */
export function LifecycleActions({ kp }: { kp: KeyPersonDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>();
  const next = KEY_PERSON_TRANSITIONS[kp.status];
  if (kp.status === 'released' || kp.status === 'transferred') return null;
  const close = () => setDialog(undefined);
  return (
    <Space wrap>
      {(kp.status === 'active' || kp.status === 'hospitalized') && (
        <Button onClick={() => setDialog('change')}>{t('lifecycle.change')}</Button>
      )}
      {(['hospitalized', 'lostToFollowUp', 'active'] as const)
        .filter((s) => next.includes(s))
        .map((s) => (
          <Button key={s} onClick={() => setDialog(s)}>
            {t(`lifecycle.to.${s}`)}
          </Button>
        ))}
      <Button onClick={() => setDialog('transfer')}>{t('lifecycle.transfer')}</Button>
      {dialog === 'change' && <ChangeModal kp={kp} onClose={close} />}
      {(dialog === 'hospitalized' || dialog === 'lostToFollowUp' || dialog === 'active') && (
        <StatusModal kp={kp} status={dialog} onClose={close} />
      )}
      {dialog === 'transfer' && <TransferModal kp={kp} onClose={close} />}
    </Space>
  );
}

function useSubmit<V>(form: ReturnType<typeof Form.useForm<V>>[0], onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return {
    onSuccess: () => {
      void message.success(t('keyPersons.saved'));
      onClose();
    },
    // 412: someone else changed the file since the dialog opened; their change is listed in it and
    // the user's values stay, for a second press to save them on the other's version.
    onError: (err: unknown) => {
      if (err instanceof ApiError && err.status === 412) return;
      if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
    },
  };
}

function ChangeModal({ kp, onClose }: { kp: KeyPersonDetail; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ category: string; measure: string; reason?: string }>();
  const update = useUpdateKeyPerson(kp, true);
  const handlers = useSubmit(form, onClose);
  const [mine, setMine] = useState<Record<string, unknown>>();
  return (
    <Modal
      open
      title={`${t('lifecycle.change')} · ${kp.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <FileConflictAlert conflict={update.conflict} mine={mine} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ category: kp.category, measure: kp.measure }}
        onFinish={(v) => {
          setMine(v);
          update.mutate(v, handlers);
        }}
      >
        <Form.Item name="category" label={t('keyPersons.category')} rules={[{ required: true }]}>
          <Select options={KEY_PERSON_CATEGORIES.map((c) => ({ value: c, label: t(`keyPersons.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="measure" label={t('keyPersons.measure')} rules={[{ required: true }]}>
          <Select options={MEASURES.map((m) => ({ value: m, label: t(`keyPersons.measures.${m}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('keyPersons.reason')} extra={t('lifecycle.reasonForMeasure')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StatusModal({
  kp,
  status,
  onClose,
}: {
  kp: KeyPersonDetail;
  status: 'hospitalized' | 'lostToFollowUp' | 'active';
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const set = useSetStatus(kp, true);
  const handlers = useSubmit(form, onClose);
  return (
    <Modal
      open
      title={`${t(`lifecycle.to.${status}`)} · ${kp.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={set.isPending}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
    >
      <FileConflictAlert conflict={set.conflict} mine={{ status }} />
      <Form form={form} layout="vertical" onFinish={(v) => set.mutate({ status, reason: v.reason }, handlers)}>
        <Form.Item
          name="reason"
          label={t('keyPersons.reason')}
          rules={[{ required: true, message: t('users.required', { field: t('keyPersons.reason') }) }]}
          extra={t(`lifecycle.hint.${status}`)}
        >
          <Input.TextArea rows={2} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TransferModal({ kp, onClose }: { kp: KeyPersonDetail; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    where: 'county' | 'outside';
    regionId?: string;
    destination?: string;
    reason: string;
  }>();
  const where = Form.useWatch('where', form) ?? 'county';
  const transfer = useTransfer(kp, true);
  const navigate = useNavigate();
  // The file may leave the caller's scope: back to the list, where it shows where it went.
  const handlers = useSubmit(form, () => {
    onClose();
    void navigate('/key-persons');
  });
  return (
    <Modal
      open
      title={`${t('lifecycle.transfer')} · ${kp.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={transfer.isPending}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
    >
      <FileConflictAlert conflict={transfer.conflict} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ where: 'county' }}
        onFinish={({ where: w, regionId, destination, reason }) =>
          transfer.mutate(w === 'county' ? { regionId, reason } : { destination, reason }, handlers)
        }
      >
        <Form.Item name="where">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'county', label: t('lifecycle.inCounty') },
              { value: 'outside', label: t('lifecycle.outside') },
            ]}
          />
        </Form.Item>
        {where === 'county' ? (
          <Form.Item
            name="regionId"
            label={t('lifecycle.targetRegion')}
            rules={[{ required: true, message: t('users.required', { field: t('lifecycle.targetRegion') }) }]}
            extra={t('lifecycle.inCountyHint')}
          >
            <RegionTreeSelect aria-label={t('lifecycle.targetRegion')} />
          </Form.Item>
        ) : (
          <Form.Item
            name="destination"
            label={t('lifecycle.destination')}
            rules={[{ required: true, message: t('users.required', { field: t('lifecycle.destination') }) }]}
            extra={t('lifecycle.outsideHint')}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('keyPersons.reason')}
          rules={[{ required: true, message: t('users.required', { field: t('keyPersons.reason') }) }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
