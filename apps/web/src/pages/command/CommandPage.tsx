import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DispatchesTab } from './DispatchesTab';
import { UnitsTab } from './UnitsTab';

/** 指挥体系 and 调度: the command structure of the caller's level, and the tasks handed down and up. */
export default function CommandPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('dispatches');
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('command.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'dispatches', label: t('command.dispatches'), children: <DispatchesTab /> },
          { key: 'units', label: t('command.units'), children: <UnitsTab /> },
        ]}
      />
    </>
  );
}
