import { Alert, App, List, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCheckpointSettings, useUpdateCheckpointSettings, type CheckpointSettings } from '../../api/checkpoints';
import { errorMessage } from '../../api/client';

const SWITCHES = ['healthCodeRequired', 'itineraryRequired', 'nucleicAcidRequired'] as const satisfies readonly (keyof CheckpointSettings)[];

/** The county's switches for the occupant checks (健康码, 行程卡, 48 小时核酸) every entry must record. */
export function CheckpointSettingsCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useCheckpointSettings();
  const update = useUpdateCheckpointSettings();
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={canEdit ? t('checkpoints.settings.hint') : t('checkpoints.settings.countyOnly')} />
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
                checked={settings.data?.[key] ?? false}
                disabled={!canEdit}
                loading={update.isPending && update.variables?.[key] !== undefined}
                onChange={(on) => update.mutate({ [key]: on }, { onError: (e) => void message.error(errorMessage(e)) })}
              />,
            ]}
          >
            <List.Item.Meta title={t(`checkpoints.settings.${key}`)} description={<Typography.Text type="secondary">{t(`checkpoints.settings.${key}Hint`)}</Typography.Text>} />
          </List.Item>
        )}
      />
    </>
  );
}
