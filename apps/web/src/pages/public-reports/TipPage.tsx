import { Button, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendTip, usePublicReportOptions } from '../../api/publicReports';
import { PublicShell, ReceiptResult, RegionSelect, usePublicSend } from './PublicForm';

const large = { size: 'large' as const };
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PHOTO_LIMIT_MB = 5;

/** 举报: anonymous or named, what and where, an optional photo; no login (/p/tip). */
export default function TipPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const options = usePublicReportOptions();
  const [photo, setPhoto] = useState<string | null>(null);
  const { mutation, challengeField, problem } = usePublicSend(form, (body) =>
    sendTip({ ...body, photo: photo ?? undefined }),
  );
  const anonymous = Form.useWatch('anonymous', form) ?? true;
  const title = t('publicReports.tipTitle');
  if (mutation.isSuccess)
    return (
      <PublicShell title={title}>
        <ReceiptResult receipt={mutation.data} title={t('publicReports.tipDone')} next={t('publicReports.tipNext')} />
      </PublicShell>
    );
  const required = [{ required: true, message: t('publicReports.required') }];

  // Checked here first so that a phone does not send 20 MB only to be refused.
  const pick = (file: File | undefined) => {
    setPhoto(null);
    form.setFields([{ name: 'photo', errors: [] }]);
    if (!file) return;
    const error = !PHOTO_TYPES.includes(file.type)
      ? t('publicReports.photoType')
      : file.size > PHOTO_LIMIT_MB * 1024 * 1024
        ? t('publicReports.photoTooLarge', { mb: PHOTO_LIMIT_MB })
        : null;
    if (error) return form.setFields([{ name: 'photo', errors: [error] }]);
    const reader = new FileReader();
    reader.onload = () => setPhoto(String(reader.result));
    reader.readAsDataURL(file);
  };

  return (
    <PublicShell title={title}>
      <Typography.Paragraph type="secondary">{t('publicReports.tipIntro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ anonymous: true }}
        onFinish={({ photo: _file, ...v }) => mutation.mutate(v)}
        scrollToFirstError
      >
        <Form.Item name="anonymous" label={t('publicReports.who')}>
          <Radio.Group
            size="large"
            optionType="button"
            options={[
              { value: true, label: t('publicReports.anonymous') },
              { value: false, label: t('publicReports.named') },
            ]}
          />
        </Form.Item>
        {!anonymous && (
          <>
            <Form.Item name="reporterName" label={t('publicReports.reporterName')}>
              <Input {...large} autoComplete="name" />
            </Form.Item>
            <Form.Item name="reporterPhone" label={t('publicReports.reporterPhone')} rules={required}>
              <Input {...large} inputMode="tel" autoComplete="tel" />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('publicReports.reporterKept')}</Typography.Paragraph>
          </>
        )}
        <Form.Item name="subjectName" label={t('publicReports.subjectName')}>
          <Input {...large} />
        </Form.Item>
        <Form.Item name="what" label={t('publicReports.what')} rules={required}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="regionId" label={t('publicReports.where')} rules={required}>
          <RegionSelect options={options.data} />
        </Form.Item>
        <Form.Item name="address" label={t('publicReports.address')} rules={required}>
          <Input {...large} placeholder={t('publicReports.addressHint')} />
        </Form.Item>
        <Form.Item
          name="photo"
          label={t('publicReports.photo')}
          extra={t('publicReports.photoHint', { mb: PHOTO_LIMIT_MB })}
        >
          <PhotoInput onPick={pick} />
        </Form.Item>
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

/** The file input under its form item: the form keeps the item's errors, the page keeps the picked photo. */
function PhotoInput({ id, onPick }: { id?: string; onPick: (file: File | undefined) => void }) {
  return <input id={id} type="file" accept={PHOTO_TYPES.join(',')} onChange={(e) => onPick(e.target.files?.[0])} />;
}
