import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors, errorMessage } from '../../api/client';
import { createHousehold } from '../../api/register';
import { newId } from '../../offline/ids';
import type { Household } from '../../api/types';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useEditVersion } from '../../api/editVersion';
import { EditConflictAlert } from '../../components/EditConflictAlert';

interface Values {
  regionId?: string;
  address: string;
  phone?: string;
  status: Household['status'];
}
const STATUSES: Household['status'][] = ['resident', 'away', 'vacant'];

/** 新建/编辑住户 at the desk; the server's field errors show on their fields. `household` absent = create. */
export function HouseholdFormModal({
  open,
  household,
  onClose,
}: {
  open: boolean;
  household?: Pick<Household, 'id' | 'address' | 'phone' | 'status'>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // The version this edit is made on: a save after someone else's answers 412 and shows their change.
  const edit = useEditVersion(open && household ? `/api/v1/households/${household.id}` : null);
  const labels = { address: t('register.address'), phone: t('register.phone'), status: t('register.status') };
  const save = useMutation({
    mutationFn: ({ phone, ...v }: Values) => {
      const body = { ...v, phone: phone?.trim() || null };
      return household ? edit.patch(body) : createHousehold({ ...body, id: newId() });
    },
    onSuccess: () => {
      void message.success(t('register.saved'));
      void queryClient.invalidateQueries({ queryKey: ['households'] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 412) return;
      if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
    },
  });
  const required = (label: string) => [{ required: true, message: t('users.required', { field: label }) }];
  return (
    <Modal
      open={open}
      title={t(household ? 'register.editHousehold' : 'register.newHousehold')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <EditConflictAlert conflict={edit.conflict} labels={labels} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          household
            ? { address: household.address, phone: household.phone ?? undefined, status: household.status }
            : { status: 'resident', address: '', phone: undefined, regionId: undefined }
        }
        onFinish={(v) => save.mutate(v)}
      >
        {!household && (
          <Form.Item name="regionId" label={t('register.region')} rules={required(t('register.region'))}>
            <RegionTreeSelect aria-label={t('register.region')} />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('register.address')} rules={required(t('register.address'))}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('register.phone')}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="status" label={t('register.status')}>
          <Select options={STATUSES.map((s) => ({ value: s, label: t(`householdStatus.${s}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
