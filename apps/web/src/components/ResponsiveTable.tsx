import { Card, Grid, List, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, KeyboardEvent, ReactNode } from 'react';

type Props<T> = Omit<TableProps<T>, 'columns'> & {
  columns: ColumnType<T>[];
  'aria-label'?: string;
  /** Keys of the columns that hold the row's buttons: on a phone they stand at the card's foot. */
  actionKeys?: string[];
  /** Opens the row (a click on the row on a desktop, on the card or Enter/Space on a phone). */
  onOpen?: (row: T) => void;
};

function cell<T>(column: ColumnType<T>, row: T, index: number): ReactNode {
  const path = column.dataIndex;
  const value = path === undefined ? undefined : (row as Record<string, unknown>)[String(path)];
  return column.render ? (column.render(value, row, index) as ReactNode) : (value as ReactNode);
}

/**
 * A table on a desktop; on a phone each row is a card (the first column its title, the others as
 * label and value, the actions at its foot), so nothing hides off-screen to the right.
 */
export function ResponsiveTable<T extends object>({ columns, actionKeys = [], onOpen, ...table }: Props<T>) {
  const isPhone = Grid.useBreakpoint().md === false;
  const rowKey = (row: T, i: number): Key =>
    typeof table.rowKey === 'function'
      ? table.rowKey(row)
      : ((row as Record<string, Key>)[String(table.rowKey ?? 'key')] ?? i);
  if (!isPhone) {
    return (
      <Table<T>
        {...table}
        columns={columns}
        onRow={onOpen ? (r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' } }) : table.onRow}
      />
    );
  }
  const isAction = (c: ColumnType<T>) => actionKeys.includes(String(c.key ?? c.dataIndex));
  const [head, ...rest] = columns.filter((c) => !isAction(c));
  const actions = columns.filter(isAction);
  const pagination = table.pagination === false ? false : { ...table.pagination, size: 'small' as const, simple: true };
  const onKey = (row: T) => (e: KeyboardEvent) => {
    if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onOpen?.(row);
    }
  };
  return (
    <List<T>
      aria-label={table['aria-label']}
      loading={table.loading}
      dataSource={table.dataSource as T[] | undefined}
      pagination={pagination as never}
      rowKey={(r) => rowKey(r, 0)}
      renderItem={(row, i) => (
        <List.Item style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
          <Card
            size="small"
            style={{ width: '100%', cursor: onOpen ? 'pointer' : undefined }}
            title={head ? cell(head, row, i) : undefined}
            onClick={onOpen ? () => onOpen(row) : undefined}
            role={onOpen ? 'link' : undefined}
            tabIndex={onOpen ? 0 : undefined}
            onKeyDown={onOpen ? onKey(row) : undefined}
            actions={
              actions.length
                ? actions.map((c) => (
                    <div key={String(c.key)} onClick={(e) => e.stopPropagation()}>
                      {cell(c, row, i)}
                    </div>
                  ))
                : undefined
            }
          >
            <dl className="fk-card-fields">
              {rest.map((c) => (
                <div key={String(c.key ?? c.dataIndex)}>
                  <dt>{c.title as ReactNode}</dt>
                  <dd>{cell(c, row, i)}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </List.Item>
      )}
    />
  );
}
