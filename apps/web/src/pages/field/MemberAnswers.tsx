import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskArea } from '../../api/types';

export const SYMPTOMS = ['fever', 'cough', 'fatigue', 'soreThroat', 'smell', 'diarrhea'] as const;

/** One member's answers inside the visit form's `members` list (field names match the API's paths). */
export function MemberAnswers({
  index,
  title,
  isNew,
  riskAreas,
  onRemove,
}: {
  index: number;
  title: string;
  isNew: boolean;
  riskAreas: RiskArea[];
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const present = Form.useWatch(['members', index, 'present']) as boolean | undefined;
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 12 }}
      extra={
        onRemove && (
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('field.remove')} onClick={onRemove} />
        )
      }
    >
      {isNew && (
        <>
          <Form.Item
            name={[index, 'newPerson', 'name']}
            label={t('field.name')}
            rules={[{ required: true, message: t('field.name') }]}
          >
            <Input size="large" />
          </Form.Item>
          <Form.Item name={[index, 'newPerson', 'idNumber']} label={t('field.idNumber')}>
            <Input size="large" inputMode="text" autoComplete="off" />
          </Form.Item>
          <Form.Item name={[index, 'newPerson', 'birthDate']} label={t('field.birthDate')}>
            <Input size="large" type="date" />
          </Form.Item>
          <Form.Item name={[index, 'newPerson', 'guardianName']} label={t('field.guardian')}>
            <Input size="large" />
          </Form.Item>
          <Form.Item name={[index, 'newPerson', 'phone']} label={t('field.phone')}>
            <Input size="large" inputMode="tel" />
          </Form.Item>
        </>
      )}
      <Form.Item name={[index, 'present']} label={t('field.present')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {present === false && (
        <Form.Item name={[index, 'awayPlace']} label={t('field.awayPlace')}>
          <Input size="large" />
        </Form.Item>
      )}
      <Form.Item name={[index, 'symptoms']} label={t('field.symptoms')}>
        <Checkbox.Group options={SYMPTOMS.map((s) => ({ value: s, label: t(`symptoms.${s}`) }))} />
      </Form.Item>
      <Form.Item name={[index, 'temperature']} label={t('field.temperature')}>
        <Input size="large" inputMode="decimal" style={{ maxWidth: 160 }} />
      </Form.Item>
      <Form.List name={[index, 'travel']}>
        {(trips, { add, remove }) => (
          <>
            {trips.map((trip) => (
              <Space key={trip.key} wrap align="start" style={{ marginBottom: 8, width: '100%' }}>
                <Form.Item name={[trip.name, 'place']} rules={[{ required: true, message: t('field.place') }]} noStyle>
                  <Input
                    size="large"
                    aria-label={t('field.place')}
                    placeholder={t('field.place')}
                    style={{ width: 160 }}
                  />
                </Form.Item>
                <Form.Item name={[trip.name, 'riskAreaId']} noStyle>
                  <Select
                    size="large"
                    allowClear
                    aria-label={t('field.noRiskArea')}
                    placeholder={t('field.noRiskArea')}
                    style={{ width: 200 }}
                    options={riskAreas.map((a) => ({ value: a.id, label: a.name }))}
                  />
                </Form.Item>
                <Form.Item name={[trip.name, 'from']} rules={[{ required: true, message: t('field.from') }]} noStyle>
                  <Input size="large" type="date" aria-label={t('field.from')} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[trip.name, 'to']} noStyle>
                  <Input size="large" type="date" aria-label={t('field.to')} style={{ width: 160 }} />
                </Form.Item>
                <Button
                  size="large"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('field.remove')}
                  onClick={() => remove(trip.name)}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})}>
              {t('field.addTrip')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
