import { CADRE_PRESENCES } from '@fangkong/domain';
import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 在岗在位: the officers and duty cadres named for the place, each present, absent or replaced. */
export function CadreFields() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5}>{t('supervision.cadres')}</Typography.Title>
      <Form.List name="cadres">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 8 }}
                extra={
                  <Button size="small" danger onClick={() => remove(f.name)}>
                    {t('supervision.remove')}
                  </Button>
                }
              >
                <Space wrap align="start">
                  <Form.Item
                    name={[f.name, 'name']}
                    label={t('supervision.cadreName')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input maxLength={50} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'post']} label={t('supervision.cadrePost')}>
                    <Input maxLength={50} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'presence']} label={t('supervision.presence')} initialValue="present">
                    <Select
                      style={{ width: 120 }}
                      aria-label={t('supervision.presence')}
                      options={CADRE_PRESENCES.map((p) => ({ value: p, label: t(`supervision.presences.${p}`) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    noStyle
                    shouldUpdate={(a, b) => a.cadres?.[f.name]?.presence !== b.cadres?.[f.name]?.presence}
                  >
                    {({ getFieldValue }) =>
                      getFieldValue(['cadres', f.name, 'presence']) === 'replaced' && (
                        <Form.Item name={[f.name, 'replacedBy']} label={t('supervision.replacedBy')}>
                          <Input maxLength={50} style={{ width: 140 }} />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <Button block onClick={() => add()} style={{ marginBottom: 16 }}>
              {t('supervision.addCadre')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
