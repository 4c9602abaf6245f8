import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Popconfirm,
  Progress,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { exportSiteUrl, useEndPlacement, usePlace, useSite } from '../../api/fileOffice';
import { useKeyPersons } from '../../api/keyPersons';
import { hasRole, KEY_PERSON_MANAGERS } from '../../auth/roles';
import { useMe } from '../../auth/session';
import { formatDateTime } from '../../components/labels';
import type { ObservationSiteDetail } from '../../api/types';
import { AddRoomsCard } from './SiteForms';

type Bed = ObservationSiteDetail['bedList'][number];

/** One observation site, room by room and bed by bed: who is in each, placing into a free bed, releasing. */
export default function SitePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const site = useSite(id);
  if (site.isError) return <Alert type="error" showIcon message={errorMessage(site.error)} />;
  if (!site.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const s = site.data;
  const manage = hasRole(me.role, KEY_PERSON_MANAGERS);
  const rooms = new Map<string, Bed[]>();
  for (const b of s.bedList) rooms.set(b.room, [...(rooms.get(b.room) ?? []), b]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {s.name} {s.warning && <Tag color="red">{t('sites.warning')}</Tag>}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} href={exportSiteUrl(s.id)}>
          {t('siteBeds.export')}
        </Button>
      </Space>
      <Card size="small">
        <Progress
          aria-label={s.name}
          percent={Math.round(s.occupancy * 100)}
          status={s.warning ? 'exception' : 'normal'}
        />
        <Typography.Text>{t('sites.line', { occupied: s.occupied, beds: s.beds, free: s.free })}</Typography.Text>
        <div>
          <Typography.Text type="secondary">
            {s.regionName} {s.address ?? ''}
          </Typography.Text>
        </div>
      </Card>
      {manage && s.free > 0 && <PlaceForm site={s} />}
      {manage && <AddRoomsCard siteId={s.id} />}
      <Row gutter={[12, 12]}>
        {[...rooms].map(([room, beds]) => (
          <Col key={room} xs={24} sm={12} lg={8}>
            <Card size="small" title={t('siteBeds.room', { room })}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {beds.map((b) => (
                  <BedLine key={b.id} siteId={s.id} bed={b} manage={manage} />
                ))}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}

function BedLine({ siteId, bed, manage }: { siteId: string; bed: Bed; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const end = useEndPlacement(siteId);
  return (
    <Space wrap data-testid={`bed-${bed.room}-${bed.bed}`}>
      <Tag color={bed.placementId ? 'blue' : 'green'}>{t('siteBeds.bed', { bed: bed.bed })}</Tag>
      {bed.placementId ? (
        <>
          <Link to={`/key-persons/${bed.keyPersonId}`}>{bed.name}</Link>
          {bed.since && (
            <Typography.Text type="secondary">{t('siteBeds.since', { at: formatDateTime(bed.since) })}</Typography.Text>
          )}
          {manage && (
            <Popconfirm
              title={t('siteBeds.releaseConfirm', { name: bed.name })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                end.mutate(bed.placementId!, { onError: (err) => void message.error(errorMessage(err)) })
              }
            >
              <Button size="small" type="link">
                {t('siteBeds.release')}
              </Button>
            </Popconfirm>
          )}
        </>
      ) : (
        <Typography.Text type="secondary">{t('siteBeds.free')}</Typography.Text>
      )}
    </Space>
  );
}

/** Key persons under central isolation not yet in a bed of this site can be placed in a free bed. */
function PlaceForm({ site }: { site: ObservationSiteDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ keyPersonId: string; bedId: string }>();
  const [q, setQ] = useState('');
  const candidates = useKeyPersons({
    measure: 'centralIsolation',
    status: 'active',
    q: q || undefined,
    page: 1,
    pageSize: 20,
  });
  const placed = new Set(site.bedList.map((b) => b.keyPersonId).filter(Boolean));
  const place = usePlace(site.id);
  return (
    <Card size="small" title={t('siteBeds.place')}>
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        onFinish={(v) =>
          place.mutate(v, {
            onSuccess: () => form.resetFields(),
            onError: (err) => {
              if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
            },
          })
        }
      >
        <Form.Item name="keyPersonId" rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            style={{ width: 240 }}
            aria-label={t('siteBeds.keyPerson')}
            placeholder={t('siteBeds.keyPerson')}
            options={(candidates.data?.items ?? [])
              .filter((k) => !placed.has(k.id))
              .map((k) => ({ value: k.id, label: `${k.name} ${k.regionName}` }))}
          />
        </Form.Item>
        <Form.Item name="bedId" rules={[{ required: true }]}>
          <Select
            style={{ width: 160 }}
            aria-label={t('siteBeds.freeBed')}
            placeholder={t('siteBeds.freeBed')}
            options={site.bedList
              .filter((b) => !b.placementId)
              .map((b) => ({ value: b.id, label: `${b.room}-${b.bed}` }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={place.isPending}>
          {t('siteBeds.placeButton')}
        </Button>
      </Form>
    </Card>
  );
}
