import { PLACE_KINDS, type PlaceKind } from '@fangkong/domain';
import { Alert, App, Button, Card, Form, Input, Segmented, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useChecklists, useUpdateChecklist } from '../../api/supervision';

/** 督查清单: the county's checklist per kind of place; an item keeps its key when reworded. */
export default function ChecklistsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<PlaceKind>('checkpoint');
  const checklists = useChecklists();
  const list = checklists.data?.items.find((c) => c.placeKind === kind);
  const update = useUpdateChecklist();
  const [form] = Form.useForm<{ items: { key?: string; label: string }[] }>();
  useEffect(() => {
    if (list) form.setFieldsValue({ items: list.items });
  }, [list, form]);
  return (
    <>
      <Segmented
        style={{ marginBottom: 8, maxWidth: '100%', overflowX: 'auto' }}
        value={kind}
        onChange={(v) => setKind(v as PlaceKind)}
        options={PLACE_KINDS.map((k) => ({ value: k, label: t(`supervision.placeKinds.${k}`) }))}
      />
      {checklists.isError && <Alert type="error" showIcon message={errorMessage(checklists.error)} />}
      <Card
        size="small"
        title={
          list && (
            <Tag color={list.custom ? 'blue' : 'default'}>
              {t(list.custom ? 'supervision.custom' : 'supervision.defaults')}
            </Tag>
          )
        }
      >
        <Form
          form={form}
          onFinish={(v) =>
            update.mutate(
              { kind, items: v.items },
              {
                onSuccess: () => void message.success(t('supervision.saved')),
                onError: (err) => {
                  if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
                },
              },
            )
          }
        >
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space.Compact key={f.key} style={{ width: '100%', marginBottom: 8 }}>
                    <Form.Item name={[f.name, 'key']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label']} noStyle rules={[{ required: true, whitespace: true }]}>
                      <Input aria-label={t('supervision.item')} maxLength={100} />
                    </Form.Item>
                    <Button danger onClick={() => remove(f.name)}>
                      {t('supervision.remove')}
                    </Button>
                  </Space.Compact>
                ))}
                <Space wrap>
                  <Button onClick={() => add({ label: '' })}>{t('supervision.addItem')}</Button>
                  <Button type="primary" htmlType="submit" loading={update.isPending}>
                    {t('common.save')}
                  </Button>
                </Space>
              </>
            )}
          </Form.List>
        </Form>
      </Card>
    </>
  );
}
