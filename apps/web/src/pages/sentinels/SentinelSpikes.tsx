import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useVillageCounts } from '../../api/sentinels';

/** The dashboard's spike alerts (异常升高) of the region shown, each opening the sentinel page. */
export default function SentinelSpikes({ regionId }: { regionId: string }) {
  const { t } = useTranslation();
  const counts = useVillageCounts({ regionId });
  const spikes = (counts.data?.villages ?? []).filter((v) => v.spike);
  return spikes.map((v) => (
    <Alert
      key={v.regionId}
      type="error"
      showIcon
      style={{ marginBottom: 8 }}
      message={
        <Link to={`/sentinels?regionId=${regionId}`}>
          {t('sentinels.spike', { village: v.regionName, count: v.count, baseline: v.baseline.toFixed(1) })}
        </Link>
      }
    />
  ));
}
