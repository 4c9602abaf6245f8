import { App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useLinkLead, usePlaceLead } from '../../api/leads';
import { usePersons } from '../../api/register';
import type { Lead } from '../../api/types';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';

export type UnmatchedAction = 'place' | 'link';

/**
 * A list row that matched no one: the township places it in a village (whose inbox then shows it),
 * or links it to the person once registered (joined to their open lead when they have one).
 */
export function UnmatchedLeadModal({
  lead,
  action,
  onClose,
}: {
  lead: Lead;
  action: UnmatchedAction;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ regionId?: string; personId?: string }>();
  const [q, setQ] = useState(lead.name);
  const persons = usePersons({ q: q || undefined, page: 1, pageSize: 20 }, action === 'link' && q.length > 0);
  const place = usePlaceLead();
  const link = useLinkLead();
  const pending = place.isPending || link.isPending;
  const callbacks = {
    onSuccess: () => {
      void message.success(t(action === 'place' ? 'leads.placed' : 'leads.linked'));
      onClose();
    },
    onError: (err: unknown) => {
      if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
    },
  };
  return (
    <Modal
      open
      title={`${t(action === 'place' ? 'leads.place' : 'leads.link')} · ${lead.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      cancelText={t('common.cancel')}
    >
      <Typography.Paragraph type="secondary">
        {t(action === 'place' ? 'leads.placeHint' : 'leads.linkHint')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          action === 'place'
            ? place.mutate({ id: lead.id, regionId: v.regionId! }, callbacks)
            : link.mutate({ id: lead.id, personId: v.personId! }, callbacks)
        }
      >
        {action === 'place' ? (
          <Form.Item name="regionId" label={t('keyPersons.region')} rules={[{ required: true }]}>
            <RegionTreeSelect aria-label={t('keyPersons.region')} />
          </Form.Item>
        ) : (
          <Form.Item name="personId" label={t('lifecycle.person')} rules={[{ required: true }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={(v) => setQ(v.trim())}
              loading={persons.isFetching}
              notFoundContent={null}
              aria-label={t('lifecycle.person')}
              options={(persons.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.name} ${p.idNumber ?? ''} ${p.regionName}`,
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
