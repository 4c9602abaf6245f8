import { measuredByOfRole, openSlotAt } from '@fangkong/domain';
import { App, Button, Card, Empty, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useKeyPersons, useRecordCheck } from '../../api/keyPersons';
import { usePolicySettings } from '../../api/countySettings';
import { serverNow } from '../../api/server-clock';
import { useMe } from '../../auth/session';
import { feverNotice } from './fever-notice';
import type { KeyPerson } from '../../api/types';
import { newId } from '../../offline';
import { TemperatureTag } from './TemperatureTag';
import { useDrillFilter } from '../../components/DrillFilter';
import { ChecksList } from './ChecksList';

/** 一天两测: the doctor's or grid worker's round, one big field and one button per person (phone first). */
export default function CheckRoundPage() {
  const drill = useDrillFilter();
  return drill ? <ChecksList filter={drill} /> : <CheckRound />;
}

function CheckRound() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'dueNow' | 'overdue' | 'all'>('dueNow');
  // 'all': every active file the user answers for, also between the check windows.
  const due = useKeyPersons({
    page: 1,
    pageSize: 200,
    ...(mode === 'all' ? { status: 'active' as const } : { list: mode }),
    mine: 'true',
  });
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 560 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('checks.title')}
      </Typography.Title>
      <Segmented
        block
        size="large"
        value={mode}
        onChange={(v) => setMode(v as typeof mode)}
        options={[
          { value: 'dueNow', label: t('checks.dueNow') },
          { value: 'overdue', label: t('checks.overdue') },
          { value: 'all', label: t('checks.allMine') },
        ]}
      />
      {due.isError && <Typography.Text type="danger">{errorMessage(due.error)}</Typography.Text>}
      <List
        loading={due.isFetching}
        dataSource={due.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('checks.none')} /> }}
        // Each card in a list item: a list holds items only (axe), and a reader hears how many are due.
        renderItem={(kp) => (
          <List.Item style={{ display: 'block', padding: 0, borderBlockEnd: 'none' }}>
            <RoundRow kp={kp} overdue={mode === 'overdue'} />
          </List.Item>
        )}
      />
    </Space>
  );
}

function RoundRow({ kp, overdue }: { kp: KeyPerson; overdue: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordCheck();
  const [value, setValue] = useState('');
  const [done, setDone] = useState(false);
  const me = useMe();
  // The county's check windows and the server's clock decide the open slot (the list came from both).
  const policy = usePolicySettings();
  const slot = openSlotAt(serverNow(), policy.data?.slotWindows);
  const submit = () => {
    if (!slot) return;
    record.mutate(
      {
        id: newId(),
        recordedAt: serverNow().toISOString(),
        keyPersonId: kp.id,
        day: slot.day,
        slot: slot.slot,
        temperature: value,
        measuredBy: measuredByOfRole(me.role),
      },
      {
        onSuccess: (r) => {
          setDone(true);
          if (r.status === 'queued') return void message.success(t('keyPersons.savedOffline'));
          const fever = feverNotice(t, kp.name, r.data);
          if (fever) void message.warning(`${t('checks.recorded', { name: kp.name, t: value })}，${fever}`, 8);
          else void message.success(t('checks.recorded', { name: kp.name, t: value }));
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  };
  return (
    <Card size="small" style={{ marginBottom: 8 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Link to={`/key-persons/${kp.id}`}>
            <b style={{ fontSize: 18 }}>{kp.name}</b>
          </Link>
          <span>{kp.regionName}</span>
          <Tag>{t('keyPersons.day', { day: kp.day, total: kp.totalDays })}</Tag>
          <TemperatureTag value={kp.lastTemperature} />
        </Space>
        {overdue || !slot ? (
          <Link to={`/key-persons/${kp.id}`}>
            <Button block size="large">
              {t('keyPersons.recordCheck')}
            </Button>
          </Link>
        ) : (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              size="large"
              inputMode="decimal"
              placeholder="36.5"
              value={value}
              disabled={done}
              onChange={(e) => setValue(e.target.value)}
              onPressEnter={submit}
              aria-label={`${kp.name} ${t('keyPersons.temperature')}`}
            />
            <Button size="large" type="primary" disabled={!value || done} loading={record.isPending} onClick={submit}>
              {t('checks.submit')}
            </Button>
          </Space.Compact>
        )}
      </Space>
    </Card>
  );
}
