import { CloudSyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { outbox, useOutboxItems } from './index';

/** Header badge: how many writes wait for the network, and the ones the server refused. */
export function OutboxIndicator() {
  const { t } = useTranslation();
  const items = useOutboxItems();
  if (items.length === 0) return null;
  const failed = items.filter((i) => i.error).length;
  const content = (
    <List
      size="small"
      style={{ maxWidth: 360 }}
      dataSource={items}
      footer={
        <Button type="primary" block onClick={() => void outbox.replay()}>
          {t('outbox.syncNow')}
        </Button>
      }
      renderItem={(item) => (
        <List.Item
          actions={
            item.error
              ? [
                  <Button key="retry" size="small" onClick={() => void outbox.retry(item.id)}>
                    {t('common.retry')}
                  </Button>,
                  <Button key="discard" size="small" danger onClick={() => void outbox.discard(item.id)}>
                    {t('outbox.discard')}
                  </Button>,
                ]
              : []
          }
        >
          <Space direction="vertical" size={0}>
            <Typography.Text>{item.label}</Typography.Text>
            <Typography.Text type={item.error ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {item.error
                ? item.error.message
                : t('outbox.waiting', { time: new Date(item.createdAt).toLocaleTimeString() })}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
  return (
    <Popover content={content} title={t('outbox.title')} trigger="click">
      <Badge count={items.length} color={failed ? 'red' : 'orange'} size="small">
        <Button
          type="text"
          icon={failed ? <WarningOutlined /> : <CloudSyncOutlined />}
          aria-label={t('outbox.pending', { count: items.length })}
        />
      </Badge>
    </Popover>
  );
}
