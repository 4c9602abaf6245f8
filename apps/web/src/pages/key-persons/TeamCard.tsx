import { accountFitsOfficerRole, NAME_ONLY_OFFICER_ROLES, OFFICER_ROLES, type OfficerRole } from '@fangkong/domain';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useAddOfficer, useAddTeam, useOfficerCandidates, useRemoveOfficer } from '../../api/keyPersons';
import type { KeyPersonDetail } from '../../api/types';
import { useMe } from '../../auth/session';
import { hasRole, KEY_PERSON_MANAGERS } from '../../auth/roles';
import { roleName } from '../../components/labels';

interface OfficerForm {
  role: OfficerRole;
  userId?: string;
  name?: string;
  phone?: string;
}

/** 包保责任人: the team, the default team proposed from the person's grid and village, and the account picker. */
export function TeamCard({ kp }: { kp: KeyPersonDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const open = (kp.status === 'active' || kp.status === 'hospitalized') && hasRole(me.role, KEY_PERSON_MANAGERS);
  const [form] = Form.useForm<OfficerForm>();
  const role = Form.useWatch('role', form);
  const candidates = useOfficerCandidates(kp.id, open);
  const add = useAddOfficer(kp.id);
  const addTeam = useAddTeam(kp.id);
  const remove = useRemoveOfficer(kp.id);
  const proposed = candidates.data?.proposed ?? [];
  const accounts = (candidates.data?.accounts ?? []).filter(
    (a) => role && a.officerRoles.includes(role) && accountFitsOfficerRole(role, a.role),
  );
  const nameOnly = role !== undefined && NAME_ONLY_OFFICER_ROLES.includes(role);
  const fail = (err: unknown) => void message.error(errorMessage(err));
  return (
    <Card
      size="small"
      title={
        <>
          {t('keyPersons.team')}{' '}
          <Tag color={kp.officers < kp.requiredOfficers ? 'orange' : 'green'}>
            {t('keyPersons.teamCount', { n: kp.officers, required: kp.requiredOfficers })}
          </Tag>
        </>
      }
    >
      {open && proposed.length > 0 && (
        <Alert
          type={kp.officers < kp.requiredOfficers ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="proposed-team"
          message={t('keyPersons.proposedTeam')}
          description={
            <Space wrap>
              {proposed.map((p) => (
                <Tag key={p.role}>
                  {t(`keyPersons.roles.${p.role}`)}：{p.name}
                </Tag>
              ))}
            </Space>
          }
          action={
            <Button
              type="primary"
              loading={addTeam.isPending}
              onClick={() =>
                addTeam.mutate(
                  proposed.map((p) => ({ role: p.role, userId: p.userId })),
                  { onError: fail },
                )
              }
            >
              {t('keyPersons.confirmTeam')}
            </Button>
          }
        />
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={kp.officerList}
        columns={[
          { title: t('keyPersons.officerRole'), dataIndex: 'role', render: (r: string) => t(`keyPersons.roles.${r}`) },
          {
            title: t('keyPersons.officerName'),
            dataIndex: 'name',
            render: (n: string, o) => (
              <>
                {n} {!o.userId && <Tag>{t('keyPersons.notAUser')}</Tag>}
              </>
            ),
          },
          { title: t('keyPersons.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          {
            title: '',
            key: 'x',
            render: (_, o) =>
              open && (
                <Button type="link" size="small" danger onClick={() => remove.mutate(o.id, { onError: fail })}>
                  {t('keyPersons.remove')}
                </Button>
              ),
          },
        ]}
      />
      {open && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(v) =>
            add.mutate(v, {
              onSuccess: () => form.resetFields(),
              onError: (err) => {
                if (!applyFieldErrors(form, err)) fail(err);
              },
            })
          }
        >
          <Form.Item name="role" rules={[{ required: true }]}>
            <Select
              style={{ width: 150 }}
              aria-label={t('keyPersons.officerRole')}
              placeholder={t('keyPersons.officerRole')}
              onChange={() => form.setFieldsValue({ userId: undefined, name: undefined })}
              options={OFFICER_ROLES.map((r) => ({ value: r, label: t(`keyPersons.roles.${r}`) }))}
            />
          </Form.Item>
          {role !== 'outsider' && (
            <Form.Item name="userId" rules={[{ required: !nameOnly, message: t('keyPersons.pickAccount') }]}>
              <Select
                style={{ width: 220 }}
                showSearch
                optionFilterProp="label"
                allowClear
                aria-label={t('keyPersons.pickAccount')}
                placeholder={t('keyPersons.pickAccount')}
                loading={candidates.isLoading}
                data-testid="officer-account"
                options={accounts.map((a) => ({
                  value: a.userId,
                  label: `${a.displayName}（${roleName(a.role)}·${a.regionName}）`,
                }))}
              />
            </Form.Item>
          )}
          {nameOnly && (
            <>
              <Form.Item name="name">
                <Input
                  aria-label={t('keyPersons.officerNameNoAccount')}
                  placeholder={t('keyPersons.officerNameNoAccount')}
                  style={{ width: 140 }}
                />
              </Form.Item>
              <Form.Item name="phone">
                <Input
                  aria-label={t('keyPersons.phone')}
                  placeholder={t('keyPersons.phone')}
                  inputMode="tel"
                  style={{ width: 140 }}
                />
              </Form.Item>
            </>
          )}
          <Button htmlType="submit" loading={add.isPending}>
            {t('keyPersons.addOfficer')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
