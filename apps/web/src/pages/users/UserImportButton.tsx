import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadUrl, errorMessage } from '../../api/client';
import { useUserImport } from '../../api/grids';
import { importContentType } from '../../api/regions';
import type { UserImportResult } from '../../api/types';

/** 批量导入: users from the template; the initial passwords are shown once, the errors row by row. */
export function UserImportButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importUsers = useUserImport();
  const [result, setResult] = useState<UserImportResult | null>(null);
  const upload = (file: File) => {
    const contentType = importContentType(file);
    if (!contentType) return void message.error(t('regions.badFileType'));
    importUsers.mutate(
      { file, contentType },
      { onSuccess: setResult, onError: (err) => void message.error(errorMessage(err)) },
    );
  };
  return (
    <Space>
      <Button icon={<DownloadOutlined />} href={downloadUrl('/api/v1/users/import-template')}>
        {t('userImport.template')}
      </Button>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(f) => {
          upload(f);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} loading={importUsers.isPending} title={t('userImport.hint')}>
          {t('userImport.import')}
        </Button>
      </Upload>
      {result && (
        <Modal
          open
          width={720}
          title={t('userImport.import')}
          onCancel={() => setResult(null)}
          onOk={() => setResult(null)}
          cancelButtonProps={{ style: { display: 'none' } }}
        >
          {result.errors.length > 0 ? (
            <>
              <Alert type="error" showIcon message={t('userImport.failed', { n: result.errors.length })} />
              <Table
                size="small"
                style={{ marginTop: 8 }}
                rowKey={(r, i) => `${r.row}-${i ?? 0}`}
                dataSource={result.errors}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t('regions.row'), dataIndex: 'row', width: 80 },
                  { title: t('regions.field'), dataIndex: 'field', width: 120 },
                  { title: t('regions.message'), dataIndex: 'message' },
                ]}
              />
            </>
          ) : (
            <>
              <Alert
                type="success"
                showIcon
                message={t('userImport.done', { n: result.created })}
                description={t('userImport.passwords')}
              />
              <Table
                size="small"
                style={{ marginTop: 8 }}
                rowKey="username"
                dataSource={result.users}
                pagination={false}
                data-testid="initial-passwords"
                columns={[
                  { title: t('userImport.name'), dataIndex: 'displayName' },
                  { title: t('userImport.username'), dataIndex: 'username' },
                  { title: t('userImport.password'), dataIndex: 'initialPassword' },
                ]}
              />
            </>
          )}
        </Modal>
      )}
    </Space>
  );
}
