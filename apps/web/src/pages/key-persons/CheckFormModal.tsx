import { MEASURED_BY, SYMPTOMS, addDays, measuredByOfRole, openSlotAt, shanghaiDateOf } from '@fangkong/domain';
import { App, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useRecordCheck } from '../../api/keyPersons';
import type { KeyPersonDetail } from '../../api/types';
import { newId } from '../../offline';
import { usePolicySettings } from '../../api/countySettings';
import { serverNow } from '../../api/server-clock';
import { useMe } from '../../auth/session';
import { feverNotice } from './fever-notice';

interface Values {
  day: string;
  slot: 'am' | 'pm';
  temperature: string;
  symptoms: (typeof SYMPTOMS)[number][];
  measuredBy: (typeof MEASURED_BY)[number];
}

/** One check for one slot: big fields for a phone, sent through the offline outbox. */
export function CheckFormModal({ file, open, onClose }: { file: KeyPersonDetail; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordCheck();
  const me = useMe();
  const policy = usePolicySettings();
  const now = serverNow();
  const today = shanghaiDateOf(now);
  const days = [0, -1, -2].map((n) => addDays(today, n)).filter((d) => d >= file.startDate && d <= file.plannedEndDate);
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        day: days[0],
        slot: openSlotAt(now, policy.data?.slotWindows)?.slot ?? 'pm',
        temperature: '',
        symptoms: [],
        measuredBy: measuredByOfRole(me.role),
      });
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = (v: Values) =>
    record.mutate(
      { id: newId(), recordedAt: serverNow().toISOString(), keyPersonId: file.id, ...v },
      {
        onSuccess: (r) => {
          const fever = r.status === 'queued' ? null : feverNotice(t, file.name, r.data);
          if (fever) void message.warning(`${t('keyPersons.saved')}：${fever}`, 8);
          else void message.success(r.status === 'queued' ? t('keyPersons.savedOffline') : t('keyPersons.saved'));
          onClose();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );

  return (
    <Modal
      open={open}
      title={`${t('keyPersons.recordCheck')} · ${file.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} size="large">
        <Form.Item name="day" label={t('keyPersons.date')} rules={[{ required: true }]}>
          <Select options={days.map((d) => ({ value: d, label: d }))} />
        </Form.Item>
        <Form.Item name="slot" label={`${t('keyPersons.am')}/${t('keyPersons.pm')}`} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'am', label: t('keyPersons.am') },
              { value: 'pm', label: t('keyPersons.pm') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="temperature"
          label={t('keyPersons.temperature')}
          rules={[{ required: true, message: t('users.required', { field: t('keyPersons.temperature') }) }]}
        >
          <Input inputMode="decimal" placeholder="36.5" autoFocus style={{ fontSize: 24 }} />
        </Form.Item>
        <Form.Item name="symptoms" label={t('keyPersons.symptoms')}>
          <Checkbox.Group options={SYMPTOMS.map((s) => ({ value: s, label: t(`keyPersons.symptomNames.${s}`) }))} />
        </Form.Item>
        <Form.Item name="measuredBy" label={t('keyPersons.measuredBy')}>
          <Radio.Group options={MEASURED_BY.map((m) => ({ value: m, label: t(`keyPersons.measuredByNames.${m}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
