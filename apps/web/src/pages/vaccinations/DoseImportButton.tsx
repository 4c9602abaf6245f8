import { UploadOutlined } from '@ant-design/icons';
import { rolesWith } from '@fangkong/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Progress, Table, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { importContentType } from '../../api/regions';
import { fetchFileJob, type FileJob } from '../../api/register';
import { startDoseImport, type VaccinationImportResult } from '../../api/vaccinations';
import { hasRole } from '../../auth/roles';
import { useMe } from '../../auth/session';

const IMPORTERS = rolesWith('persons.manage');

/** 导入接种记录: the vaccination system's export as a job; its progress, then the rows with errors. */
export function DoseImportButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const [job, setJob] = useState<FileJob | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed') return;
    const timer = setTimeout(() => {
      fetchFileJob(job.id)
        .then((next) => {
          setJob(next);
          if (next.status === 'done') void queryClient.invalidateQueries({ queryKey: ['vaccinationCoverage'] });
        })
        .catch((err: unknown) => void message.error(errorMessage(err)));
    }, 500);
    return () => clearTimeout(timer);
  }, [job, message, queryClient]);

  if (!hasRole(me.role, IMPORTERS)) return null;
  const upload = (file: File) => {
    const contentType = importContentType(file);
    if (!contentType) return void message.error(t('vaccinations.badFileType'));
    setStarting(true);
    startDoseImport(file, contentType)
      .then(({ id }) => fetchFileJob(id).then(setJob))
      .catch((err: unknown) => void message.error(errorMessage(err)))
      .finally(() => setStarting(false));
  };
  const result = job?.status === 'done' ? (job.result as VaccinationImportResult) : null;

  return (
    <>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(f) => {
          upload(f);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} loading={starting} title={t('vaccinations.importHint')}>
          {t('vaccinations.importDoses')}
        </Button>
      </Upload>
      {job && (
        <Modal
          open
          width={720}
          title={t('vaccinations.importDoses')}
          onCancel={() => setJob(null)}
          onOk={() => setJob(null)}
          cancelButtonProps={{ style: { display: 'none' } }}
        >
          {job.status === 'failed' ? (
            <Alert type="error" showIcon message={job.error} />
          ) : !result ? (
            <>
              <Progress percent={job.total ? Math.round((100 * job.done) / job.total) : 0} />
              {t('vaccinations.importing', { done: job.done, total: job.total })}
            </>
          ) : (
            <>
              <Alert
                type={result.errors.length ? 'warning' : 'success'}
                showIcon
                message={t('vaccinations.importDone', {
                  rows: result.rows,
                  created: result.created,
                  already: result.alreadyRecorded,
                  failed: result.rows - result.accepted,
                })}
              />
              {result.errors.length > 0 && (
                <div
                  role="region"
                  aria-label={t('vaccinations.importDoses')}
                  tabIndex={0}
                  style={{ overflowX: 'auto' }}
                >
                  <Table
                    size="small"
                    style={{ marginTop: 8 }}
                    rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
                    dataSource={result.errors}
                    pagination={{ pageSize: 10, hideOnSinglePage: true }}
                    columns={[
                      { title: t('vaccinations.row'), dataIndex: 'row', width: 80 },
                      { title: t('vaccinations.field'), dataIndex: 'field', width: 120 },
                      { title: t('vaccinations.message'), dataIndex: 'message' },
                    ]}
                  />
                </div>
              )}
            </>
          )}
        </Modal>
      )}
    </>
  );
}
