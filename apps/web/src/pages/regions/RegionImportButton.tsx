import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client';
import { importContentType, useRegionImport } from '../../api/regions';

interface RowError {
  row?: number;
  field: string;
  message: string;
}

/** 导入区划: sends a CSV or .xlsx file as the raw request body and shows what happened. */
export function RegionImportButton({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importMutation = useRegionImport();
  const [open, setOpen] = useState(false);

  const upload = (file: File) => {
    const contentType = importContentType(file);
    if (!contentType) {
      void message.error(t('regions.badFileType'));
      return;
    }
    importMutation.mutate(
      { file, contentType },
      {
        onSuccess: (result) => {
          if (result.created > 0 || result.updated > 0) onImported();
          if (result.errors.length === 0) {
            void message.success(t('regions.importDone', { created: result.created, updated: result.updated }));
          } else setOpen(true);
        },
        onError: () => setOpen(true),
      },
    );
  };

  const result = importMutation.data;
  const error = importMutation.error;
  const rows: RowError[] = result?.errors ?? (error instanceof ApiError ? error.fieldErrors : []);

  return (
    <>
      <Upload
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          upload(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} loading={importMutation.isPending} title={t('regions.importHint')}>
          {importMutation.isPending ? t('regions.importing') : t('regions.import')}
        </Button>
      </Upload>
      <Modal
        open={open}
        title={t('regions.importResult')}
        onCancel={() => setOpen(false)}
        footer={
          <Button type="primary" onClick={() => setOpen(false)}>
            {t('common.confirm')}
          </Button>
        }
        width={720}
      >
        {error ? (
          <Alert
            type="error"
            showIcon
            message={error instanceof ApiError ? error.problem.detail || error.problem.title : errorMessage(error)}
          />
        ) : (
          <Alert
            type={result && result.created + result.updated > 0 ? 'warning' : 'error'}
            showIcon
            message={t('regions.importFailed', { count: rows.length })}
            description={result && t('regions.importDone', { created: result.created, updated: result.updated })}
          />
        )}
        {rows.length > 0 && (
          <Table<RowError>
            aria-label={t('regions.importResult')}
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(r, i) => `${r.row ?? ''}-${r.field}-${i ?? 0}`}
            dataSource={rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('regions.row'), dataIndex: 'row', width: 80 },
              { title: t('regions.field'), dataIndex: 'field', width: 160 },
              { title: t('regions.message'), dataIndex: 'message' },
            ]}
          />
        )}
      </Modal>
    </>
  );
}
