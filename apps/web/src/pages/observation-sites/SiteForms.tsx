import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useAddRooms, useCreateSite } from '../../api/fileOffice';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { newId } from '../../offline';

type Rooms = { room: string; beds: number }[];

/** Rows of room number and bed count; the API's `rooms.N.room` errors land on the row. */
function RoomRows() {
  const { t } = useTranslation();
  return (
    <Form.List name="rooms">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" wrap>
              <Form.Item
                name={[f.name, 'room']}
                rules={[{ required: true, message: t('users.required', { field: t('siteForms.room') }) }]}
              >
                <Input
                  placeholder={t('siteForms.room')}
                  aria-label={t('siteForms.room')}
                  style={{ width: 120 }}
                  maxLength={20}
                />
              </Form.Item>
              <Form.Item
                name={[f.name, 'beds']}
                rules={[{ required: true, message: t('users.required', { field: t('siteForms.beds') }) }]}
              >
                <InputNumber
                  min={1}
                  max={20}
                  placeholder={t('siteForms.beds')}
                  aria-label={t('siteForms.beds')}
                  addonAfter={t('siteForms.bedUnit')}
                  style={{ width: 130 }}
                />
              </Form.Item>
              {fields.length > 1 && (
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('siteForms.removeRoom')}
                  onClick={() => remove(f.name)}
                />
              )}
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ beds: 1 })}>
            {t('siteForms.addRoom')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 新建隔离点: name, region, address and its rooms with beds. */
export function NewSiteButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState(newId);
  const [form] = Form.useForm<{ name: string; regionId: string; address?: string; rooms: Rooms }>();
  const create = useCreateSite();
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => {
          setId(newId());
          setOpen(true);
        }}
      >
        {t('siteForms.newSite')}
      </Button>
      <Modal
        open={open}
        title={t('siteForms.newSite')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ rooms: [{ room: '101', beds: 1 }] }}
          onFinish={(v) =>
            create.mutate(
              { id, ...v },
              {
                onSuccess: (site) => {
                  void message.success(t('siteForms.created'));
                  setOpen(false);
                  void navigate(`/observation-sites/${site.id}`);
                },
                onError: (err) => {
                  if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
                },
              },
            )
          }
        >
          <Form.Item
            name="name"
            label={t('siteForms.name')}
            rules={[{ required: true, message: t('users.required', { field: t('siteForms.name') }) }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="regionId"
            label={t('register.region')}
            rules={[{ required: true, message: t('users.required', { field: t('register.region') }) }]}
          >
            <RegionTreeSelect aria-label={t('register.region')} />
          </Form.Item>
          <Form.Item name="address" label={t('register.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <RoomRows />
        </Form>
      </Modal>
    </>
  );
}

/** 增加房间/床位 on an open site. */
export function AddRoomsCard({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rooms: Rooms }>();
  const add = useAddRooms(siteId);
  return (
    <Card size="small" title={t('siteForms.addRooms')}>
      <Form
        form={form}
        initialValues={{ rooms: [{ beds: 1 }] }}
        onFinish={(v) =>
          add.mutate(v, {
            onSuccess: () => {
              void message.success(t('keyPersons.saved'));
              form.resetFields();
            },
            onError: (err) => {
              if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
            },
          })
        }
      >
        <RoomRows />
        <Button type="primary" htmlType="submit" loading={add.isPending} style={{ marginLeft: 8 }}>
          {t('siteForms.addRoomsButton')}
        </Button>
      </Form>
      <div>
        <small>{t('siteForms.addRoomsHint')}</small>
      </div>
    </Card>
  );
}
