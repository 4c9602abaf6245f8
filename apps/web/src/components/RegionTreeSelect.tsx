import { TreeSelect } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchChildren, regionKeys, useScopeRoots } from '../api/regions';
import type { Region } from '../api/types';
import { levelName } from './labels';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Shown for a value whose node has not been loaded yet (e.g. the region of a user being edited). */
  fallbackLabel?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

/** Region picker for forms: a TreeSelect that loads the scope root first, then children on expand. */
export function RegionTreeSelect({ id, value, onChange, fallbackLabel, disabled, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const roots = useScopeRoots();
  const [loaded, setLoaded] = useState<Region[]>([]);

  const nodes = useMemo(() => {
    const seen = new Set<string>();
    return [...(roots.data ?? []), ...loaded]
      .filter((r) => !seen.has(r.id) && !!seen.add(r.id))
      .map((r) => ({
        id: r.id,
        pId: r.parentId ?? undefined,
        value: r.id,
        title: `${r.name}（${levelName(r.level)}）`,
        isLeaf: r.childCount === 0,
      }));
  }, [roots.data, loaded, i18n.language]);

  const label = nodes.find((n) => n.value === value)?.title ?? fallbackLabel ?? value;

  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      disabled={disabled}
      treeDataSimpleMode
      treeData={nodes}
      labelInValue
      value={value ? { value, label } : undefined}
      onChange={(v: { value: string; label?: unknown } | undefined) => onChange?.(v?.value)}
      loadData={async (node) => {
        const parentId = String(node.value);
        const children = await queryClient.fetchQuery({
          queryKey: regionKeys.children(parentId),
          queryFn: () => fetchChildren(parentId),
        });
        setLoaded((prev) => [...prev, ...children]);
      }}
      loading={roots.isPending}
      placeholder={t('regionSelect.placeholder')}
      allowClear
      showSearch={false}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
