import { App, Button, Card, Form, Modal, Segmented, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useCheckpointHolds, usePlaceHold, useSite } from '../../api/fileOffice';
import type { CheckpointHold, ObservationSitePage } from '../../api/types';
import { formatDateTime } from '../../components/labels';
import { TemperatureTag } from '../key-persons/TemperatureTag';

type State = 'pending' | 'placed' | 'handover';

/** 卡口留验: who the checkpoints held, waiting for a bed; placing one opens their file and takes the bed. */
export function HoldsCard({ sites, canPlace }: { sites: ObservationSitePage['items']; canPlace: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>('pending');
  const [page, setPage] = useState(1);
  const [placing, setPlacing] = useState<CheckpointHold | null>(null);
  const holds = useCheckpointHolds({ state, page, pageSize: 10 });
  return (
    <Card
      title={t('holds.title')}
      extra={
        <Segmented
          value={state}
          onChange={(v) => {
            setState(v as State);
            setPage(1);
          }}
          options={(['pending', 'placed', 'handover'] as const).map((s) => ({
            value: s,
            label: t(`holds.states.${s}`),
          }))}
        />
      }
    >
      <Table<CheckpointHold>
        size="small"
        rowKey="occupantId"
        loading={holds.isFetching}
        dataSource={holds.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: 10,
          total: holds.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('keyPersons.name'),
            dataIndex: 'name',
            render: (n: string, h) => (h.keyPersonId ? <Link to={`/key-persons/${h.keyPersonId}`}>{n}</Link> : n),
          },
          { title: t('keyPersons.idNumber'), dataIndex: 'idNumber' },
          {
            title: t('keyPersons.temperature'),
            dataIndex: 'temperature',
            render: (v: number) => <TemperatureTag value={v} />,
          },
          {
            title: t('holds.why'),
            key: 'why',
            render: (_, h) => (
              <>
                {h.fever && <Tag color="red">{t('holds.fever')}</Tag>}
                {h.riskArea && <Tag color="orange">{t('holds.riskArea')}</Tag>}
              </>
            ),
          },
          {
            title: t('holds.checkpoint'),
            key: 'cp',
            render: (_, h) => `${h.checkpointName}${h.plate ? ` · ${h.plate}` : ''}`,
          },
          { title: t('holds.at'), dataIndex: 'recordedAt', render: formatDateTime },
          state === 'placed'
            ? {
                title: t('holds.bed'),
                key: 'bed',
                render: (_, h) => `${h.siteName ?? ''} ${h.room ?? ''}-${h.bed ?? ''}`,
              }
            : {
                title: t('common.actions'),
                key: 'x',
                render: (_, h) =>
                  state === 'pending' && canPlace ? (
                    <Button size="small" type="primary" onClick={() => setPlacing(h)}>
                      {t('holds.place')}
                    </Button>
                  ) : null,
              },
        ]}
      />
      {placing && <PlaceModal hold={placing} sites={sites} onClose={() => setPlacing(null)} />}
    </Card>
  );
}

function PlaceModal({
  hold,
  sites,
  onClose,
}: {
  hold: CheckpointHold;
  sites: ObservationSitePage['items'];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ siteId: string; bedId: string }>();
  const siteId = Form.useWatch('siteId', form);
  const site = useSite(siteId ?? '');
  const place = usePlaceHold();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await place.mutateAsync({ occupantId: hold.occupantId, ...values });
      void message.success(t('holds.placed', { name: hold.name }));
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title={t('holds.placeTitle', { name: hold.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={place.isPending}
      okText={t('holds.place')}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="siteId" label={t('holds.site')} rules={[{ required: true, message: t('holds.siteRequired') }]}>
          <Select
            options={sites.map((s) => ({
              value: s.id,
              label: `${s.name}（${t('sites.free')} ${s.free}）`,
              disabled: s.free === 0,
            }))}
            onChange={() => form.resetFields(['bedId'])}
          />
        </Form.Item>
        <Form.Item name="bedId" label={t('holds.bed')} rules={[{ required: true, message: t('holds.bedRequired') }]}>
          <Select
            disabled={!siteId}
            loading={site.isFetching}
            options={(siteId ? (site.data?.bedList ?? []) : [])
              .filter((b) => !b.placementId)
              .map((b) => ({ value: b.id, label: `${b.room}-${b.bed}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
