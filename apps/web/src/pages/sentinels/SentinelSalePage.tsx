import { Alert, App, Button, Card, Checkbox, Form, Input, List, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DRUG_CLASSES, SALE_SYMPTOMS } from '@fangkong/domain';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useMySite, useRecordSale, type SaleBody } from '../../api/sentinels';
import { newId } from '../../offline';
import { formatDateTime } from '../../components/labels';
import { WalkInForm } from './WalkInForm';

type Values = Omit<SaleBody, 'id' | 'sentinelId'>;

/** 哨点售药登记: the sentinel's phone page: a real-name sale in a few taps, and the site's sales today. */
export default function SentinelSalePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mine = useMySite();
  const record = useRecordSale();
  const [form] = Form.useForm<Values>();
  const site = mine.data?.sentinel;
  const onFinish = (v: Values) =>
    site &&
    record.mutate(
      { ...v, phone: v.phone || undefined, symptoms: v.symptoms ?? [], id: newId(), sentinelId: site.id },
      {
        onSuccess: () => {
          void message.success(t('sentinels.recorded'));
          form.resetFields();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
        },
      },
    );

  return (
    <div style={{ maxWidth: 520 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('nav.sentinelSale')}
      </Typography.Title>
      {mine.isSuccess && !site ? <Alert type="warning" showIcon message={t('sentinels.noSite')} /> : null}
      {site ? (
        <Typography.Paragraph type="secondary">
          {site.name} · {site.regionName}
        </Typography.Paragraph>
      ) : null}
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'sale',
              label: t('sentinels.saleTitle'),
              children: (
                <Form
                  form={form}
                  layout="vertical"
                  onFinish={onFinish}
                  disabled={!site}
                  initialValues={{ symptoms: [] }}
                >
                  <Form.Item
                    name="idNumber"
                    label={t('sentinels.idNumber')}
                    rules={[{ required: true, message: t('sentinels.required') }]}
                  >
                    <Input inputMode="text" autoComplete="off" maxLength={18} />
                  </Form.Item>
                  <Form.Item
                    name="name"
                    label={t('sentinels.name')}
                    rules={[{ required: true, message: t('sentinels.required') }]}
                  >
                    <Input autoComplete="off" maxLength={50} />
                  </Form.Item>
                  <Form.Item name="phone" label={t('sentinels.phone')}>
                    <Input inputMode="tel" autoComplete="off" maxLength={11} />
                  </Form.Item>
                  <Form.Item
                    name="drugClasses"
                    label={t('sentinels.drugClasses')}
                    // A validator, not `required`: antd would put aria-required on the group's plain div.
                    rules={[
                      {
                        validator: (_, v?: string[]) =>
                          v?.length ? Promise.resolve() : Promise.reject(new Error(t('sentinels.drugClassRequired'))),
                      },
                    ]}
                  >
                    <Checkbox.Group
                      options={DRUG_CLASSES.map((c) => ({ value: c, label: t(`sentinels.drugs.${c}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name="symptoms" label={t('sentinels.symptoms')}>
                    <Checkbox.Group
                      options={SALE_SYMPTOMS.map((s) => ({ value: s, label: t(`sentinels.symptomNames.${s}`) }))}
                    />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" block size="large" loading={record.isPending}>
                    {t('sentinels.submit')}
                  </Button>
                </Form>
              ),
            },
            { key: 'walkIn', label: t('sentinels.walkInTitle'), children: <WalkInForm sentinelId={site?.id} /> },
          ]}
        />
      </Card>
      <Typography.Title level={5}>{t('sentinels.today', { count: mine.data?.today.length ?? 0 })}</Typography.Title>
      <List
        size="small"
        bordered
        loading={mine.isLoading}
        dataSource={mine.data?.today ?? []}
        locale={{ emptyText: t('sentinels.noSales') }}
        renderItem={(s) => (
          <List.Item data-testid="sentinel-sale">
            <Space direction="vertical" size={0}>
              <Typography.Text strong>
                {s.name} <Typography.Text type="secondary">{s.idNumber}</Typography.Text>
              </Typography.Text>
              <Space size={4} wrap>
                {s.drugClasses.map((c) => (
                  <Tag key={c} color="blue">
                    {t(`sentinels.drugs.${c}`)}
                  </Tag>
                ))}
                {s.symptoms.map((x) => (
                  <Tag key={x}>{t(`sentinels.symptomNames.${x}`)}</Tag>
                ))}
              </Space>
            </Space>
            <Typography.Text type="secondary">{formatDateTime(s.soldAt).slice(11, 16)}</Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}
