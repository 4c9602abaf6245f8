import { VACCINE_TYPES } from '@fangkong/domain';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useRecordDose, type VaccinationPerson } from '../../api/vaccinations';
import { newId } from '../../offline';

interface Values {
  vaccine: (typeof VACCINE_TYPES)[number];
  doseNumber: number;
  givenOn: string;
  place?: string;
}

/** 登记接种: one dose found on a visit (the certificate shown, or the person vaccinated elsewhere). */
export function DoseModal({ person, onClose }: { person: VaccinationPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [id] = useState(newId);
  const record = useRecordDose();
  const submit = (values: Values) =>
    record.mutate(
      { id, personId: person.personId, ...values },
      {
        onSuccess: () => {
          void message.success(t('vaccinations.saved'));
          onClose();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );
  return (
    <Modal
      open
      title={`${t('vaccinations.recordDose')} · ${person.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ vaccine: 'inactivated', doseNumber: person.doses + 1 }}
      >
        <Form.Item name="vaccine" label={t('vaccinations.vaccine')} rules={[{ required: true }]}>
          <Select options={VACCINE_TYPES.map((v) => ({ value: v, label: t(`vaccinations.vaccines.${v}`) }))} />
        </Form.Item>
        <Form.Item name="doseNumber" label={t('vaccinations.doseNumber')} rules={[{ required: true }]}>
          <InputNumber min={1} max={9} precision={0} />
        </Form.Item>
        <Form.Item name="givenOn" label={t('vaccinations.givenOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="place" label={t('vaccinations.place')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
