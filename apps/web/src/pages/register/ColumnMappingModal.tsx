import { Modal, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema.gen';

export type LedgerColumns = components['schemas']['LedgerColumns'];
type Entry = LedgerColumns['mapping'][number];

/** After an upload: each header of the file and the ledger column it goes into, matched by the server and changeable here. */
export function ColumnMappingModal({
  detected,
  onChange,
  onCancel,
  onOk,
  busy,
}: {
  detected: LedgerColumns | undefined;
  onChange: (mapping: Entry[]) => void;
  onCancel: () => void;
  onOk: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const set = (header: string, column: Entry['column']) =>
    detected && onChange(detected.mapping.map((m) => (m.header === header ? { ...m, column } : m)));
  return (
    <Modal
      open={!!detected}
      title={t('register.mappingTitle')}
      onCancel={onCancel}
      onOk={onOk}
      okText={t('register.startImport')}
      confirmLoading={busy}
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('register.mappingHint')}</Typography.Paragraph>
      <Table<Entry>
        size="small"
        rowKey="header"
        pagination={false}
        dataSource={detected?.mapping ?? []}
        columns={[
          { title: t('register.fileHeader'), dataIndex: 'header' },
          {
            title: t('register.ledgerColumn'),
            dataIndex: 'column',
            render: (column: Entry['column'], m) => (
              <Select<string>
                aria-label={m.header}
                style={{ width: 200 }}
                value={column ?? ''}
                onChange={(v) => set(m.header, (v || null) as Entry['column'])}
                options={[
                  { value: '', label: t('register.ignoreColumn') },
                  ...(detected?.columns ?? []).map((c) => ({ value: c, label: c })),
                ]}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}

/** The mapping as the import takes it: file header → ledger column, '' for a header left out. */
export const mappingQuery = (mapping: Entry[]) =>
  `?mapping=${encodeURIComponent(JSON.stringify(Object.fromEntries(mapping.map((m) => [m.header, m.column ?? '']))))}`;
