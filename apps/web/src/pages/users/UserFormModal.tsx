import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import type { Role, UpdateUserBody, User } from '../../api/types';
import { useCreateUser, useUpdateUser } from '../../api/users';
import { isAdministrator } from '@fangkong/domain';
import { ALL_ROLES } from '../../auth/roles';
import { roleName } from '../../components/labels';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';

interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  regionId: string;
  phone?: string;
  password?: string;
}

interface Props {
  open: boolean;
  /** The user being edited; undefined to create one. */
  user?: User;
  onClose: () => void;
}

/** Create or edit a user; the API's field errors land on the fields. */
export function UserFormModal({ open, user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = user !== undefined;
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    // The list only has the masked phone, so the phone field starts empty and is sent only when typed.
    if (user)
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        regionId: user.regionId,
      });
  }, [open, user, form]);

  const onError = (err: unknown) => {
    if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
  };

  const onFinish = (values: UserForm) => {
    const phone = values.phone?.trim() || undefined;
    const password = values.password || undefined;
    if (!user) {
      create.mutate(
        {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          role: values.role,
          regionId: values.regionId,
          password: password ?? '',
          phone,
        },
        {
          onSuccess: (u) => {
            void message.success(t('users.created', { name: u.displayName }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const body: UpdateUserBody = {};
    if (values.displayName.trim() !== user.displayName) body.displayName = values.displayName.trim();
    if (values.regionId !== user.regionId) body.regionId = values.regionId;
    if (phone) body.phone = phone;
    if (password) body.password = password;
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(
      { id: user.id, body },
      {
        onSuccess: () => {
          void message.success(t('users.saved'));
          onClose();
        },
        onError,
      },
    );
  };

  const required = (field: string) => [{ required: true, whitespace: true, message: t('users.required', { field }) }];

  return (
    <Modal
      open={open}
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      forceRender
    >
      <Form<UserForm> form={form} layout="vertical" onFinish={onFinish} disabled={saving}>
        <Form.Item name="username" label={t('users.username')} rules={required(t('users.username'))}>
          <Input autoComplete="off" disabled={editing} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={required(t('users.displayName'))}>
          <Input autoComplete="off" />
        </Form.Item>
        {/* The system administrator opens accounts with a business role; changing a role is the security administrator's. */}
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('users.required', { field: t('users.role') }) }]}
        >
          <Select
            disabled={editing}
            options={ALL_ROLES.filter((r) => editing || !isAdministrator(r)).map((r) => ({
              value: r,
              label: roleName(r),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('users.region')}
          rules={[{ required: true, message: t('users.required', { field: t('users.region') }) }]}
        >
          <RegionTreeSelect fallbackLabel={user?.regionName} aria-label={t('users.region')} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.phone')}
          extra={user?.phone ? t('users.phoneKeepHint', { phone: user.phone }) : undefined}
        >
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={editing ? t('users.resetPassword') : t('users.password')}
          extra={editing ? t('users.resetPasswordHint') : undefined}
          rules={editing ? [] : [{ required: true, message: t('users.required', { field: t('users.password') }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
