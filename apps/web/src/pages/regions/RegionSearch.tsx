import { Button, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useRegionSearch } from '../../api/regions';
import { levelName } from '../../components/labels';

/** Search box (name or code) with its matches; picking one selects it. */
export function RegionSearch({ onSelect }: { onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useRegionSearch(q);

  return (
    <>
      <Input.Search
        aria-label={t('regions.searchPlaceholder')}
        placeholder={t('regions.searchPlaceholder')}
        allowClear
        enterButton={t('common.search')}
        loading={search.isFetching}
        onSearch={(value) => setQ(value.trim())}
      />
      {q && (
        <List
          size="small"
          header={<Typography.Text strong>{t('regions.searchResults')}</Typography.Text>}
          aria-label={t('regions.searchResults')}
          style={{ marginTop: 8, maxHeight: 320, overflow: 'auto' }}
          loading={search.isPending}
          locale={{ emptyText: search.isError ? errorMessage(search.error) : t('regions.noResults') }}
          dataSource={search.data?.items ?? []}
          renderItem={(region) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => onSelect(region.id)}>
              <span>
                <Button type="link" style={{ padding: 0, height: 'auto' }}>
                  {region.name}
                </Button>{' '}
                <Tag>{levelName(region.level)}</Tag>
              </span>
              <Typography.Text type="secondary" code>
                {region.code}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
