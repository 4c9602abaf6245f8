import { TRANSPORT_MODES, shanghaiDateOf } from '@fangkong/domain';
import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { sendSelfReport, usePublicReportOptions } from '../../api/publicReports';
import { PublicShell, ReceiptResult, RegionSelect, usePublicSend } from './PublicForm';

const large = { size: 'large' as const };

/** 主动报备: a person arriving reports themself and those travelling with them; no login (/p/report). */
export default function SelfReportPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const options = usePublicReportOptions();
  const { mutation, challengeField, problem } = usePublicSend(form, sendSelfReport);
  const title = t('publicReports.selfReportTitle');
  if (mutation.isSuccess)
    return (
      <PublicShell title={title}>
        <ReceiptResult
          receipt={mutation.data}
          title={t('publicReports.selfReportDone')}
          next={t('publicReports.selfReportNext')}
        />
      </PublicShell>
    );
  const required = [{ required: true, message: t('publicReports.required') }];
  return (
    <PublicShell title={title}>
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} scrollToFirstError>
        <Form.Item name="name" label={t('publicReports.name')} rules={required}>
          <Input {...large} autoComplete="name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('publicReports.idNumber')} rules={required}>
          <Input {...large} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('publicReports.phone')} rules={required}>
          <Input {...large} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="riskAreaId" label={t('publicReports.riskArea')}>
          <Select
            {...large}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('publicReports.riskAreaNone')}
            options={(options.data?.riskAreas ?? []).map((a) => ({ value: a.id, label: a.name }))}
            onChange={(id) => {
              const area = options.data?.riskAreas.find((a) => a.id === id);
              if (area && !form.getFieldValue('fromPlace')) form.setFieldValue('fromPlace', area.name);
            }}
          />
        </Form.Item>
        <Form.Item name="fromPlace" label={t('publicReports.fromPlace')} rules={required}>
          <Input {...large} />
        </Form.Item>
        <Form.Item name="arrivalDate" label={t('publicReports.arrivalDate')} rules={required}>
          <Input {...large} type="date" max={shanghaiDateOf(new Date())} />
        </Form.Item>
        <Form.Item name="travelMode" label={t('publicReports.travelMode')} rules={required}>
          <Select
            {...large}
            options={TRANSPORT_MODES.map((m) => ({ value: m, label: t(`keyPersonFile.transports.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionId" label={t('publicReports.village')} rules={required}>
          <RegionSelect options={options.data} />
        </Form.Item>
        <Form.Item name="address" label={t('publicReports.address')} rules={required}>
          <Input {...large} placeholder={t('publicReports.addressHint')} />
        </Form.Item>
        <Form.List name="companions">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  title={t('publicReports.companion', { n: i + 1 })}
                  extra={
                    <Button type="link" danger onClick={() => remove(f.name)}>
                      {t('publicReports.remove')}
                    </Button>
                  }
                >
                  <Form.Item name={[f.name, 'name']} label={t('publicReports.name')} rules={required}>
                    <Input {...large} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'idNumber']} label={t('publicReports.idNumber')} rules={required}>
                    <Input {...large} autoComplete="off" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']} label={t('publicReports.phoneOptional')}>
                    <Input {...large} inputMode="tel" />
                  </Form.Item>
                </Card>
              ))}
              {fields.length < 10 && (
                <Button block {...large} onClick={() => add({})}>
                  {t('publicReports.addCompanion')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
        {challengeField}
        {problem}
        <Button
          type="primary"
          htmlType="submit"
          block
          {...large}
          loading={mutation.isPending}
          style={{ marginTop: 16 }}
        >
          {t('publicReports.submit')}
        </Button>
      </Form>
    </PublicShell>
  );
}
