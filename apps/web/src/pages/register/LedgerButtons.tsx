import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { detectLedgerColumns, startLedgerImport } from '../../api/register';
import { importContentType } from '../../api/regions';
import type { components } from '../../api/schema.gen';
import { ColumnMappingModal, mappingQuery, type LedgerColumns } from './ColumnMappingModal';
import { ExportJobButtons } from './ExportJobButtons';
import { JobProgress, jobFinished, useFileJob } from './useFileJob';

type Result = components['schemas']['LedgerImportResult'];

/** Downloads the rejected rows and their reasons as a CSV the user can fix and import again. */
function downloadErrors(result: Result, header: string[], fileName: string) {
  const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  const csv =
    '\uFEFF' +
    [header, ...result.errors.map((e) => [e.row, e.field, e.message])].map((r) => r.map(quote).join(',')).join('\r\n');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  a.download = `${fileName}.csv`;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** 基础台账表: template, import with its per-row report, and export (masked, or full when allowed). */
export function LedgerButtons({ canImport, canFull }: { canImport: boolean; canFull: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string>();
  const [pending, setPending] = useState<{ file: File; contentType: string; detected: LedgerColumns }>();
  const detect = useMutation({
    mutationFn: ({ file, contentType }: { file: File; contentType: string }) =>
      detectLedgerColumns<LedgerColumns>(file, contentType),
    onSuccess: (detected, { file, contentType }) => setPending({ file, contentType, detected }),
    onError: (e) => void message.error(errorMessage(e)),
  });
  const upload = useMutation({
    mutationFn: ({
      file,
      contentType,
      mapping,
    }: {
      file: File;
      contentType: string;
      mapping: LedgerColumns['mapping'];
    }) => startLedgerImport(file, contentType, mappingQuery(mapping)),
    onSuccess: ({ id }) => {
      setPending(undefined);
      setJobId(id);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  // The import runs as a job on the server: poll it until it ends, then show its result.
  const job = useFileJob(jobId);
  const done = job?.status === 'done';
  useEffect(() => {
    if (!done) return;
    void queryClient.invalidateQueries({ queryKey: ['households'] });
    void queryClient.invalidateQueries({ queryKey: ['persons'] });
  }, [done, queryClient]);
  const r = done ? (job.result as Result | null) : undefined;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {canImport && (
        <>
          <Button icon={<DownloadOutlined />} href="/api/v1/persons/ledger-template">
            {t('register.template')}
          </Button>
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              const contentType = importContentType(file);
              if (!contentType) void message.error(t('regions.badFileType'));
              else detect.mutate({ file, contentType });
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={detect.isPending || upload.isPending}>
              {upload.isPending ? t('regions.importing') : t('register.import')}
            </Button>
          </Upload>
        </>
      )}
      <ExportJobButtons canFull={canFull} />
      <ColumnMappingModal
        detected={pending?.detected}
        busy={upload.isPending}
        onCancel={() => setPending(undefined)}
        onChange={(mapping) => setPending((p) => p && { ...p, detected: { ...p.detected, mapping } })}
        onOk={() =>
          pending &&
          upload.mutate({ file: pending.file, contentType: pending.contentType, mapping: pending.detected.mapping })
        }
      />
      <Modal
        open={!!jobId}
        onCancel={() => setJobId(undefined)}
        onOk={() => setJobId(undefined)}
        title={t('register.importResult')}
        width={720}
      >
        {job && !jobFinished(job) && <JobProgress job={job} />}
        {job?.status === 'failed' && <Alert type="error" message={job.error ?? t('register.jobFailed')} />}
        {r && (
          <>
            <Alert
              type={r.errors.length ? 'warning' : 'success'}
              style={{ marginBottom: 12 }}
              message={t('register.importSummary', {
                rows: r.rows,
                accepted: r.accepted,
                households: r.createdHouseholds,
                persons: r.createdPersons,
                linked: r.linked,
                rejected: r.rows - r.accepted,
              })}
            />
            {r.errors.length > 0 && (
              <>
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    downloadErrors(
                      r,
                      [t('regions.row'), t('regions.field'), t('register.errorReason')],
                      t('register.errorsFile'),
                    )
                  }
                  style={{ marginBottom: 8 }}
                >
                  {t('register.downloadErrors')}
                </Button>
                <Table
                  size="small"
                  rowKey={(e) => `${e.row}:${e.field}`}
                  dataSource={r.errors}
                  pagination={{ pageSize: 10 }}
                  columns={[
                    { title: t('regions.row'), dataIndex: 'row', width: 70 },
                    { title: t('regions.field'), dataIndex: 'field', width: 120 },
                    { title: t('regions.message'), dataIndex: 'message' },
                  ]}
                />
              </>
            )}
          </>
        )}
      </Modal>
    </Space>
  );
}
