import { COMMAND_UNIT_KINDS } from '@fangkong/domain';
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import {
  type CommandUnit,
  useAddUnitMember,
  useCommandUnits,
  useCreateUnit,
  useRemoveUnitMember,
} from '../../api/command';
import { COMMAND_MANAGERS, hasRole } from '../../auth/roles';
import { useMe } from '../../auth/session';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useRegionChildren } from '../../api/regions';
import { newId } from '../../offline';

/** The headquarters first, then its office, working groups and 战区, each with members and duties. */
export function UnitsTab() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useCommandUnits();
  const [creating, setCreating] = useState(false);
  const manage = hasRole(me.role, COMMAND_MANAGERS);
  const items = units.data?.items ?? [];
  const order = [...items].sort(
    (a, b) =>
      Number(!!a.parentId) - Number(!!b.parentId) ||
      COMMAND_UNIT_KINDS.indexOf(a.kind) - COMMAND_UNIT_KINDS.indexOf(b.kind),
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {manage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('command.newUnit')}
        </Button>
      )}
      {units.isError && <Alert type="error" showIcon message={errorMessage(units.error)} />}
      {units.data && items.length === 0 && <Empty description={t('command.noUnits')} />}
      <Row gutter={[12, 12]}>
        {order.map((u) => (
          <Col key={u.id} xs={24} md={12} xl={8}>
            <UnitCard unit={u} parent={items.find((p) => p.id === u.parentId)} manage={manage} />
          </Col>
        ))}
      </Row>
      {creating && <NewUnitModal units={items} onClose={() => setCreating(false)} />}
    </Space>
  );
}

function UnitCard({ unit, parent, manage }: { unit: CommandUnit; parent?: CommandUnit; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; position: string; phone?: string }>();
  const add = useAddUnitMember(unit.id);
  const remove = useRemoveUnitMember(unit.id);
  return (
    <Card
      size="small"
      title={
        <>
          {unit.name} <Tag color="blue">{t(`command.kinds.${unit.kind}`)}</Tag>
        </>
      }
      extra={<Typography.Text type="secondary">{unit.regionName}</Typography.Text>}
    >
      {parent && (
        <div>
          <Typography.Text type="secondary">{t('command.under', { name: parent.name })}</Typography.Text>
        </div>
      )}
      {unit.duties && <Typography.Paragraph>{unit.duties}</Typography.Paragraph>}
      {unit.coverage.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          {t('command.coverage')}：
          {unit.coverage.map((c) => (
            <Tag key={c.id}>{c.name}</Tag>
          ))}
        </div>
      )}
      {unit.members.map((m) => (
        <div key={m.id}>
          <Tag>{m.position}</Tag>
          <span translate="no">{m.name}</span> {m.phone && <a href={`tel:${m.phone}`}>{m.phone}</a>}
          {manage && (
            <Popconfirm
              title={t('command.removeConfirm', { name: m.name })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutate(m.id, { onError: (err) => void message.error(errorMessage(err)) })}
            >
              <Button type="link" size="small" danger>
                {t('keyPersons.remove')}
              </Button>
            </Popconfirm>
          )}
        </div>
      ))}
      {manage && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 8, rowGap: 8 }}
          onFinish={(v) =>
            add.mutate(
              { ...v, phone: v.phone || undefined },
              {
                onSuccess: () => form.resetFields(),
                onError: (err) => {
                  if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
                },
              },
            )
          }
        >
          <Form.Item
            name="position"
            rules={[{ required: true, message: t('users.required', { field: t('command.position') }) }]}
          >
            <Input placeholder={t('command.position')} aria-label={t('command.position')} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item
            name="name"
            rules={[{ required: true, message: t('users.required', { field: t('chains.name') }) }]}
          >
            <Input placeholder={t('chains.name')} aria-label={t('chains.name')} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="phone">
            <Input
              placeholder={t('chains.phone')}
              aria-label={t('chains.phone')}
              inputMode="tel"
              style={{ width: 130 }}
            />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('command.addMember')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

interface UnitValues {
  regionId: string;
  parentId?: string;
  kind: CommandUnit['kind'];
  name: string;
  duties?: string;
  coverage?: string[];
}

function NewUnitModal({ units, onClose }: { units: CommandUnit[]; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitValues>();
  const [id] = useState(newId);
  const kind = Form.useWatch('kind', form);
  const regionId = Form.useWatch('regionId', form);
  const create = useCreateUnit();
  const required = (field: string) => [{ required: true, message: t('users.required', { field }) }];
  return (
    <Modal
      open
      title={t('command.newUnit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: units.length ? 'workingGroup' : 'headquarters' }}
        onFinish={(v) =>
          create.mutate(
            { id, ...v, duties: v.duties || undefined, coverage: v.coverage ?? [] },
            {
              onSuccess: () => {
                void message.success(t('keyPersons.saved'));
                onClose();
              },
              onError: (err) => {
                if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
              },
            },
          )
        }
      >
        <Form.Item name="kind" label={t('command.kind')} rules={required(t('command.kind'))}>
          <Select options={COMMAND_UNIT_KINDS.map((k) => ({ value: k, label: t(`command.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('command.unitName')} rules={required(t('command.unitName'))}>
          <Input placeholder={t('command.unitNameExample')} maxLength={100} />
        </Form.Item>
        <Form.Item name="regionId" label={t('register.region')} rules={required(t('register.region'))}>
          <RegionTreeSelect aria-label={t('register.region')} />
        </Form.Item>
        {kind !== 'headquarters' && (
          <Form.Item name="parentId" label={t('command.parent')}>
            <Select
              allowClear
              options={units
                .filter((u) => u.kind === 'headquarters')
                .map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` }))}
            />
          </Form.Item>
        )}
        {kind === 'subHeadquarters' && (
          <Form.Item name="coverage" label={t('command.coverage')} extra={t('command.coverageHint')}>
            <CoveragePicker parentId={regionId} />
          </Form.Item>
        )}
        <Form.Item name="duties" label={t('command.duties')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The regions right below the unit's (townships of a county) that a 战区 covers. */
function CoveragePicker({
  parentId,
  value,
  onChange,
}: {
  parentId?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
}) {
  const { t } = useTranslation();
  const children = useRegionChildren(parentId, !!parentId);
  return (
    <Select
      mode="multiple"
      allowClear
      value={value}
      onChange={onChange}
      disabled={!parentId}
      loading={children.isFetching}
      aria-label={t('command.coverage')}
      options={(children.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
    />
  );
}
