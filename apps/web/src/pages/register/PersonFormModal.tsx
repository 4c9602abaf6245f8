import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors, errorMessage } from '../../api/client';
import { createPerson } from '../../api/register';
import { newId } from '../../offline/ids';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useEditVersion } from '../../api/editVersion';
import { EditConflictAlert } from '../../components/EditConflictAlert';

interface Values {
  name: string;
  idNumber?: string;
  sex?: 'male' | 'female';
  birthDate?: string;
  phone?: string;
  guardianName?: string;
  regionId?: string;
}
export interface EditedPerson {
  id: string;
  name: string;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  guardianName?: string | null;
}

/**
 * 登记/编辑人员 at the desk. Lists show ID numbers and phones masked, so an edit leaves them empty
 * and sends them only when typed; the server's field errors (check digit, phone …) show on their fields.
 * A person registered outside any household (a lodger, a worker at a site) is placed in a region.
 */
export function PersonFormModal({
  open,
  householdId,
  person,
  onClose,
}: {
  open: boolean;
  householdId?: string;
  person?: EditedPerson;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // The version this edit is made on: a save after someone else's answers 412 and shows their change.
  const edit = useEditVersion(open && person ? `/api/v1/persons/${person.id}` : null);
  const labels = {
    name: t('register.name'),
    idNumber: t('register.idNumber'),
    sex: t('register.sex'),
    birthDate: t('register.birthDate'),
    phone: t('register.phone'),
    guardianName: t('register.guardian'),
  };
  const save = useMutation({
    mutationFn: (v: Values) => {
      const typed = Object.fromEntries(
        Object.entries(v)
          .map(([k, x]) => [k, typeof x === 'string' ? x.trim() || undefined : x])
          .filter(([, x]) => x !== undefined),
      );
      return person ? edit.patch(typed) : createPerson({ ...typed, id: newId(), householdId });
    },
    onSuccess: () => {
      void message.success(t('register.saved'));
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void queryClient.invalidateQueries({ queryKey: ['households'] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 412) return;
      if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
    },
  });
  return (
    <Modal
      open={open}
      title={t(person ? 'register.editPerson' : 'register.newPerson')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <EditConflictAlert conflict={edit.conflict} labels={labels} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          name: person?.name ?? '',
          sex: person?.sex ?? undefined,
          birthDate: person?.birthDate ?? undefined,
          guardianName: person?.guardianName ?? undefined,
          idNumber: undefined,
          phone: undefined,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="name"
          label={t('register.name')}
          rules={[{ required: true, message: t('users.required', { field: t('register.name') }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('register.idNumber')}
          extra={person ? t('register.keepIfEmpty') : undefined}
        >
          <Input />
        </Form.Item>
        <Form.Item name="sex" label={t('register.sex')}>
          <Select allowClear options={(['male', 'female'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) }))} />
        </Form.Item>
        <Form.Item name="birthDate" label={t('register.birthDate')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="phone" label={t('register.phone')} extra={person ? t('register.keepIfEmpty') : undefined}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="guardianName" label={t('register.guardian')}>
          <Input />
        </Form.Item>
        {!person && !householdId && (
          <Form.Item
            name="regionId"
            label={t('register.region')}
            rules={[{ required: true, message: t('users.required', { field: t('register.region') }) }]}
          >
            <RegionTreeSelect aria-label={t('register.region')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
