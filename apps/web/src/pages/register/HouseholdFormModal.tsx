import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, applyFieldErrors, errorMessage } from '../../api/client';
import { newId } from '../../offline/ids';
import type { Household } from '../../api/types';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';

interface Values { regionId?: string; address: string; phone?: string; status: Household['status'] }
const STATUSES: Household['status'][] = ['resident', 'away', 'vacant'];

/** 新建/编辑住户 at the desk; the server's field errors show on their fields. `household` absent = create. */
export function HouseholdFormModal({ open, household, onClose }: { open: boolean; household?: Pick<Household, 'id' | 'address' | 'phone' | 'status'>; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: ({ phone, ...v }: Values) => {
      const body = { ...v, phone: phone?.trim() || null };
      return household ? api.patch(`/api/v1/households/${household.id}`, body) : api.post('/api/v1/households', { ...body, id: newId() });
    },
    onSuccess: () => { void message.success(t('register.saved')); void queryClient.invalidateQueries({ queryKey: ['households'] }); onClose(); },
    onError: (e) => { if (!applyFieldErrors(form, e)) void message.error(errorMessage(e)); },
  });
  const required = (label: string) => [{ required: true, message: t('users.required', { field: label }) }];
  return (
    <Modal open={open} title={t(household ? 'register.editHousehold' : 'register.newHousehold')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={household ? { address: household.address, phone: household.phone ?? undefined, status: household.status } : { status: 'resident', address: '', phone: undefined, regionId: undefined }} onFinish={(v) => save.mutate(v)}>
        {!household && <Form.Item name="regionId" label={t('register.region')} rules={required(t('register.region'))}><RegionTreeSelect aria-label={t('register.region')} /></Form.Item>}
        <Form.Item name="address" label={t('register.address')} rules={required(t('register.address'))}><Input /></Form.Item>
        <Form.Item name="phone" label={t('register.phone')}><Input inputMode="tel" /></Form.Item>
        <Form.Item name="status" label={t('register.status')}><Select options={STATUSES.map((s) => ({ value: s, label: t(`householdStatus.${s}`) }))} /></Form.Item>
      </Form>
    </Modal>
  );
}
