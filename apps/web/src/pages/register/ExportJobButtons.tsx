import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { startLedgerExport } from '../../api/register';
import { JobProgress, jobFinished, useFileJob } from './useFileJob';

/** 基础台账表 export as a job: progress while the server writes the file, then its one download (audited then). */
export function ExportJobButtons({ canFull }: { canFull: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<string>();
  const start = useMutation({
    mutationFn: (full: boolean) => startLedgerExport(full),
    onSuccess: ({ id }) => setJobId(id),
    onError: (e) => void message.error(errorMessage(e)),
  });
  const job = useFileJob(jobId);
  return (
    <>
      <Button icon={<DownloadOutlined />} loading={start.isPending} onClick={() => start.mutate(false)}>
        {t('register.export')}
      </Button>
      {canFull && (
        <Button icon={<DownloadOutlined />} loading={start.isPending} onClick={() => start.mutate(true)}>
          {t('register.exportFull')}
        </Button>
      )}
      <Modal open={!!jobId} title={t('register.exportTitle')} onCancel={() => setJobId(undefined)} footer={null}>
        {job && !jobFinished(job) && <JobProgress job={job} />}
        {job?.status === 'failed' && <Alert type="error" message={job.error ?? t('register.jobFailed')} />}
        {job?.status === 'done' && (
          <>
            <Alert
              type="success"
              style={{ marginBottom: 12 }}
              message={t('register.exportReady', { rows: job.done })}
              description={
                job.expiresAt && t('register.exportExpires', { time: new Date(job.expiresAt).toLocaleTimeString() })
              }
            />
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={`/api/v1/jobs/${job.id}/file`}
              onClick={() => setTimeout(() => setJobId(undefined), 500)}
            >
              {t('register.downloadExport')}
            </Button>
          </>
        )}
      </Modal>
    </>
  );
}
