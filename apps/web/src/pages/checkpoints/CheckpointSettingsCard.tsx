import { Alert, App, List, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckpointSettings } from '../../api/types';
import { useCountySettings, useUpdateCountySettings } from '../../api/countySettings';
import { errorMessage } from '../../api/client';

const SWITCHES = [
  'healthCodeRequired',
  'itineraryRequired',
  'nucleicAcidRequired',
] as const satisfies readonly (keyof CheckpointSettings)[];

/**
 * 卡口设置: the switches for the occupant checks (健康码, 行程卡, 48 小时核酸) every entry must record,
 * in force at a region (the actor's own when none is named); on the checkpoints page and in 县级设置.
 */
export function CheckpointSettingsCard({ canEdit, regionId }: { canEdit: boolean; regionId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useCountySettings(regionId);
  const update = useUpdateCountySettings('checkpoint', regionId);
  const values = settings.data?.checkpoint.values;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={canEdit ? t('checkpoints.settings.hint') : t('checkpoints.settings.countyOnly')}
      />
      <List
        bordered
        loading={settings.isLoading}
        dataSource={[...SWITCHES]}
        renderItem={(key) => (
          <List.Item
            actions={[
              <Switch
                key="switch"
                aria-label={t(`checkpoints.settings.${key}`)}
                checked={values?.[key] ?? false}
                disabled={!canEdit}
                loading={update.isPending && update.variables?.[key] !== undefined}
                onChange={(on) => update.mutate({ [key]: on }, { onError: (e) => void message.error(errorMessage(e)) })}
              />,
            ]}
          >
            <List.Item.Meta
              title={t(`checkpoints.settings.${key}`)}
              description={<Typography.Text type="secondary">{t(`checkpoints.settings.${key}Hint`)}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </>
  );
}
