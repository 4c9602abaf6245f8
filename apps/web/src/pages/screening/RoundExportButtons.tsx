import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The round's 统计表 and 排查进度 for the region looked at, as the server streams them (every download is audited). */
export function RoundExportButtons({
  roundId,
  regionId,
  canFull,
}: {
  roundId: string;
  regionId?: string;
  canFull: boolean;
}) {
  const { t } = useTranslation();
  const base = `/api/v1/screening/rounds/${roundId}/export`;
  const query = (full = false) => {
    const q = new URLSearchParams();
    if (regionId) q.set('regionId', regionId);
    if (full) q.set('full', 'true');
    const s = q.toString();
    return s ? `?${s}` : '';
  };
  return (
    <Space wrap>
      <Button size="small" icon={<DownloadOutlined />} href={`${base}/statistics${query()}`}>
        {t('screening.exportStatistics')}
      </Button>
      <Button size="small" icon={<DownloadOutlined />} href={`${base}/progress${query()}`}>
        {t('screening.exportProgress')}
      </Button>
      {canFull && (
        <Button size="small" icon={<DownloadOutlined />} href={`${base}/progress${query(true)}`}>
          {t('screening.exportProgressFull')}
        </Button>
      )}
    </Space>
  );
}
