import { ASSIST_LIST_FIELDS, ASSIST_LIST_REQUIRED, shanghaiInstant } from '@fangkong/domain';
import { Alert, App, Button, Form, Input, Modal, Select, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client';
import { leadTemplateUrl, useImportLeads } from '../../api/leads';
import type { LeadImportMapping } from '../../api/types';

// 序号 is read by name only: the file's own row numbers are what the feedback refers to.
const MAPPED = ASSIST_LIST_FIELDS.filter((f) => f !== 'rowNumber');
type Values = { issuer: string; batch?: string; deadline?: string; mapping?: Record<string, string> };

/** The issuer's 协查时限 as typed (Beijing time, datetime-local), as an instant. */
const deadlineOf = (v?: string) => (v ? shanghaiInstant(v.slice(0, 10), v.slice(11, 16)).toISOString() : undefined);

/**
 * 导入协查名单 (loaded when opened: Upload stays out of the inbox's first download): names the columns it reads and offers the template; when the server is unsure of a
 * file's columns (no 姓名, or two columns for one field) it shows each field with a choice of the
 * file's columns and imports again with the user's mapping.
 */
export default function LeadImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [file, setFile] = useState<(UploadFile & File) | null>(null);
  const [step, setStep] = useState<LeadImportMapping>();
  const [form] = Form.useForm<Values>();
  const run = useImportLeads();
  const submit = ({ mapping, deadline, ...v }: Values) =>
    file &&
    run.mutate(
      { file, ...v, deadline: deadlineOf(deadline), mapping: step ? mapping : undefined },
      {
        onSuccess: (r) => {
          if ('mappingNeeded' in r) {
            setStep(r);
            form.setFieldValue(
              'mapping',
              Object.fromEntries(r.fields.filter((f) => f.field !== 'rowNumber').map((f) => [f.field, f.column ?? ''])),
            );
            return;
          }
          void message.success(
            r.ignored.length
              ? `${t('leads.importDone', r)}；${t('leads.ignoredColumns', { columns: r.ignored.join('、') })}`
              : t('leads.importDone', r),
          );
          onClose();
        },
        // A refused list answers 422 with its bad rows.
        onError: (err) => {
          const rows = err instanceof ApiError ? err.fieldErrors.filter((e) => e.row !== undefined) : [];
          if (!rows.length) return void message.error(errorMessage(err));
          modal.error({
            title: t('leads.importFailed'),
            content: (
              <ul>
                {rows.slice(0, 20).map((e) => (
                  <li key={`${e.row}${e.field}`}>
                    {e.row}: {e.message}
                  </li>
                ))}
              </ul>
            ),
          });
        },
      },
    );
  const columns = (required: boolean) =>
    MAPPED.filter((f) => ASSIST_LIST_REQUIRED.includes(f) === required)
      .map((f) => t(`leads.fields.${f}`))
      .join('、');
  return (
    <Modal
      open
      title={t('leads.import')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !file }}
      confirmLoading={run.isPending}
    >
      <Typography.Paragraph type="secondary" data-testid="lead-import-columns">
        {t('leads.expectedColumns', { required: columns(true), optional: columns(false) })}{' '}
        <Typography.Link href={leadTemplateUrl()}>{t('leads.template')}</Typography.Link>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="issuer" label={t('leads.issuer')} rules={[{ required: true }]}>
          <Input placeholder={t('leads.issuerExample')} />
        </Form.Item>
        <Form.Item name="batch" label={t('leads.batch')}>
          <Input />
        </Form.Item>
        <Form.Item name="deadline" label={t('leads.listDeadline')} extra={t('leads.listDeadlineHint')}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item label={t('leads.file')}>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={file ? [file] : []}
            beforeUpload={(f) => {
              setFile(f);
              setStep(undefined);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setStep(undefined);
            }}
          >
            <Button>{t('leads.file')}</Button>
          </Upload>
        </Form.Item>
        {step && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('leads.mappingHint')} />
            {step.fields
              .filter((f) => f.field !== 'rowNumber')
              .map((f) => (
                <Form.Item
                  key={f.field}
                  name={['mapping', f.field]}
                  label={t(`leads.fields.${f.field}`)}
                  rules={f.required ? [{ required: true }] : []}
                  style={{ marginBottom: 8 }}
                >
                  <Select
                    options={[
                      { value: '', label: t('leads.noColumn') },
                      ...step.headers.map((h) => ({ value: h, label: f.candidates.includes(h) ? `${h} ✓` : h })),
                    ]}
                  />
                </Form.Item>
              ))}
          </>
        )}
      </Form>
    </Modal>
  );
}
