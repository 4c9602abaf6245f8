import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSetupChecklist } from '../../api/grids';

const WHERE = { regions: '/regions', grids: '/grids', users: '/users', settings: '/county-settings' } as const;

/** 开通设置: what a new county's administrator still has to do; hidden once every step is done. */
export function SetupChecklist({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const checklist = useSetupChecklist(enabled);
  const steps = checklist.data?.steps ?? [];
  if (!enabled || steps.length === 0 || steps.every((s) => s.done)) return null;
  return (
    <Card size="small" title={t('setup.title')} style={{ marginBottom: 16 }} data-testid="setup-checklist">
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      <List
        dataSource={steps}
        renderItem={(s) => (
          <List.Item
            data-testid={`setup-${s.key}`}
            data-done={s.done}
            actions={[
              s.done ? (
                <Typography.Text type="success" key="d">
                  {t('setup.done')}
                </Typography.Text>
              ) : (
                <Button key="g" size="small" type="primary" onClick={() => void navigate(WHERE[s.key])}>
                  {t('setup.go')}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              avatar={s.done ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <ClockCircleOutlined />}
              title={t(`setup.${s.key}`)}
              description={s.key === 'settings' ? undefined : t(`setup.figures.${s.key}`, s.figures)}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
