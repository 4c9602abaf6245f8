import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Tag, Typography, type FormInstance } from 'antd';
import { parseIdNumber, translate } from '@fangkong/domain';
import { useTranslation } from 'react-i18next';
import { findResidents, type CheckpointSettings } from '../../api/checkpoints';
import { currentLocale } from '../../i18n';

export interface OccupantValues {
  idNumber?: string;
  name?: string;
  phone?: string;
  temperature?: string;
  healthCode?: 'green' | 'yellow' | 'red';
  itinerary?: 'normal' | 'starred';
  nucleicAcid?: 'negative48h' | 'none' | 'positive';
  /** Set by the register look-up, shown only. */
  residentOf?: string | null;
}

interface Props {
  form: FormInstance;
  index: number;
  fieldName: number;
  onRemove?: () => void;
  /** The checks the county has turned on; the others are not asked. */
  checks?: CheckpointSettings;
}

/** Checks an ID number as the staff types it: the check digit is verified the moment 18 characters are in. */
export function idNumberRule() {
  return {
    validator: async (_: unknown, value?: string) => {
      const r = parseIdNumber(value ?? '');
      if (!r.ok) throw new Error(translate(currentLocale(), `idNumber.${r.reason}`));
    },
  };
}

/** One occupant: ID number first; a resident found in the register fills in name and phone. */
export function OccupantRow({ form, index, fieldName, onRemove, checks }: Props) {
  const { t } = useTranslation();
  const path = ['occupants', fieldName];
  const idNumber = Form.useWatch([...path, 'idNumber'], form) as string | undefined;
  const residentOf = Form.useWatch([...path, 'residentOf'], form) as string | null | undefined;
  const parsed = parseIdNumber(idNumber ?? '');

  const lookUp = async (raw: string) => {
    const r = parseIdNumber(raw);
    if (!r.ok) {
      if (raw.replace(/\s/g, '').length >= 18) void form.validateFields([[...path, 'idNumber']]);
      return;
    }
    void form.validateFields([[...path, 'idNumber']]);
    try {
      const { items } = await findResidents({ idNumber: r.value.idNumber });
      const p = items[0];
      if (!p) {
        form.setFieldValue([...path, 'residentOf'], null);
        return;
      }
      const current = form.getFieldValue(path) as OccupantValues;
      form.setFieldValue(path, { ...current, name: current.name || p.name, phone: current.phone || p.phone || undefined, residentOf: p.regionName });
    } catch {
      // offline: the staff types the name
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 8 }} title={t('checkpoints.occupant', { n: index + 1 })}
      extra={
        <>
          {residentOf ? <Tag color="blue">{t('checkpoints.resident', { region: residentOf })}</Tag> : residentOf === null ? <Tag>{t('checkpoints.outsider')}</Tag> : null}
          {parsed.ok ? <Typography.Text type="secondary">{t(`checkpoints.${parsed.value.sex}`)} · {parsed.value.birthDate}</Typography.Text> : null}
          {onRemove ? <Button type="text" tabIndex={-1} aria-label={t('checkpoints.remove')} icon={<DeleteOutlined />} onClick={onRemove} /> : null}
        </>
      }>
      <Row gutter={8}>
        <Col xs={24} md={8}>
          <Form.Item name={[fieldName, 'idNumber']} label={t('checkpoints.idNumber')} rules={[idNumberRule()]} validateTrigger={['onBlur']} style={{ marginBottom: 8 }}>
            <Input size="large" data-nav={`occ-id-${index}`} autoComplete="off" maxLength={20} inputMode="text" style={{ letterSpacing: 1 }}
              onChange={(e) => void lookUp(e.target.value)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={[fieldName, 'name']} label={t('checkpoints.personName')} style={{ marginBottom: 8 }}>
            <Input size="large" data-nav={`occ-name-${index}`} autoComplete="off" maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={[fieldName, 'temperature']} label={t('checkpoints.temperature')} style={{ marginBottom: 8 }}>
            <Input size="large" data-nav={`occ-temp-${index}`} autoComplete="off" inputMode="decimal" suffix="℃" maxLength={5} />
          </Form.Item>
        </Col>
        <Col xs={12} md={3}>
          <Form.Item name={[fieldName, 'phone']} label={t('checkpoints.phone')} style={{ marginBottom: 8 }}>
            <Input size="large" data-nav={`occ-phone-${index}`} autoComplete="off" inputMode="tel" maxLength={13} tabIndex={-1} />
          </Form.Item>
        </Col>
        {checks?.healthCodeRequired && (
          <Col xs={12} md={3}>
            <Form.Item name={[fieldName, 'healthCode']} label={t('checkpoints.healthCode')} rules={[{ required: true, message: t('checkpoints.healthCode') }]} style={{ marginBottom: 8 }}>
              <Select size="large" allowClear options={(['green', 'yellow', 'red'] as const).map((c) => ({ value: c, label: t(`checkpoints.healthCodes.${c}`) }))} />
            </Form.Item>
          </Col>
        )}
        {checks?.itineraryRequired && (
          <Col xs={12} md={3}>
            <Form.Item name={[fieldName, 'itinerary']} label={t('checkpoints.itinerary')} rules={[{ required: true, message: t('checkpoints.itinerary') }]} style={{ marginBottom: 8 }}>
              <Select size="large" allowClear options={(['normal', 'starred'] as const).map((c) => ({ value: c, label: t(`checkpoints.itineraries.${c}`) }))} />
            </Form.Item>
          </Col>
        )}
        {checks?.nucleicAcidRequired && (
          <Col xs={12} md={4}>
            <Form.Item name={[fieldName, 'nucleicAcid']} label={t('checkpoints.nucleicAcid')} rules={[{ required: true, message: t('checkpoints.nucleicAcid') }]} style={{ marginBottom: 8 }}>
              <Select size="large" allowClear options={(['negative48h', 'none', 'positive'] as const).map((c) => ({ value: c, label: t(`checkpoints.nucleicAcids.${c}`) }))} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name={[fieldName, 'residentOf']} hidden><Input /></Form.Item>
    </Card>
  );
}
