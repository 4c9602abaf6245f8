import { Alert, Empty, Skeleton, Tree, type TreeDataNode } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { fetchChildren, regionKeys, useScopeRoots } from '../../api/regions';
import type { Region } from '../../api/types';

interface Props {
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** Lazy-loading region tree that starts at the user's scope root. */
export function RegionTree({ selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roots = useScopeRoots();
  const [children, setChildren] = useState<Record<string, Region[]>>({});
  const [loadError, setLoadError] = useState<unknown>(null);

  const loadData = useCallback(
    async (node: TreeDataNode) => {
      const id = String(node.key);
      try {
        const items = await queryClient.fetchQuery({
          queryKey: regionKeys.children(id),
          queryFn: () => fetchChildren(id),
        });
        setChildren((prev) => ({ ...prev, [id]: items }));
      } catch (err) {
        setLoadError(err);
      }
    },
    [queryClient],
  );

  const treeData = useMemo(() => {
    const build = (region: Region): TreeDataNode => ({
      key: region.id,
      title: region.name,
      isLeaf: region.childCount === 0,
      children: children[region.id]?.map(build),
    });
    return (roots.data ?? []).map(build);
  }, [roots.data, children]);

  if (roots.isPending) return <Skeleton active />;
  if (roots.isError) return <Alert type="error" showIcon message={errorMessage(roots.error)} />;
  if (treeData.length === 0) return <Empty />;

  return (
    <>
      {loadError !== null && (
        <Alert type="error" showIcon closable message={errorMessage(loadError)} onClose={() => setLoadError(null)} />
      )}
      <Tree
        aria-label={t('regions.tree')}
        treeData={treeData}
        loadData={loadData}
        defaultExpandedKeys={treeData.map((n) => n.key)}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => {
          const key = keys[0];
          if (key !== undefined) onSelect(String(key));
        }}
        showLine
        blockNode
      />
    </>
  );
}
