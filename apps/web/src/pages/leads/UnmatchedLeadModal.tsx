import { App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useLeads, useLinkLead, useMergeLead, usePlaceLead } from '../../api/leads';
import { usePersons } from '../../api/register';
import type { Lead } from '../../api/types';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';

export type UnmatchedAction = 'place' | 'link' | 'merge';
const TITLES = { place: 'leads.place', link: 'leads.link', merge: 'leads.merge' } as const;
const DONE = { place: 'leads.placed', link: 'leads.linked', merge: 'leads.mergedDone' } as const;
const HINTS = { place: 'leads.placeHint', link: 'leads.linkHint', merge: 'leads.mergeHint' } as const;

/**
 * A list row that matched no one: the township places it in a village (whose inbox then shows it),
 * links it to the person once registered (joined to their open lead when they have one), or merges
 * it into another lead of that person, whose result the list's row then reports.
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
  const [form] = Form.useForm<{ regionId?: string; personId?: string; leadId?: string }>();
  const [q, setQ] = useState(lead.name);
  const persons = usePersons({ q: q || undefined, page: 1, pageSize: 20 }, action === 'link' && q.length > 0);
  const place = usePlaceLead();
  const link = useLinkLead();
  const merge = useMergeLead();
  // That person's other leads, open or resolved, found by name (or ID number, phone).
  const leads = useLeads({ q: q || undefined, page: 1, pageSize: 20 }, action === 'merge' && q.length > 0);
  const pending = place.isPending || link.isPending || merge.isPending;
  const callbacks = {
    onSuccess: () => {
      void message.success(t(DONE[action]));
      onClose();
    },
    onError: (err: unknown) => {
      if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
    },
  };
  return (
    <Modal
      open
      title={`${t(TITLES[action])} · ${lead.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      cancelText={t('common.cancel')}
    >
      <Typography.Paragraph type="secondary">{t(HINTS[action])}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          action === 'place'
            ? place.mutate({ id: lead.id, regionId: v.regionId! }, callbacks)
            : action === 'link'
              ? link.mutate({ id: lead.id, personId: v.personId! }, callbacks)
              : merge.mutate({ id: lead.id, leadId: v.leadId! }, callbacks)
        }
      >
        {action === 'place' ? (
          <Form.Item name="regionId" label={t('keyPersons.region')} rules={[{ required: true }]}>
            <RegionTreeSelect aria-label={t('keyPersons.region')} />
          </Form.Item>
        ) : action === 'merge' ? (
          <Form.Item name="leadId" label={t('leads.mergeInto')} rules={[{ required: true }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={(v) => setQ(v.trim())}
              loading={leads.isFetching}
              notFoundContent={null}
              aria-label={t('leads.mergeInto')}
              options={(leads.data?.items ?? [])
                .filter((l) => l.id !== lead.id)
                .map((l) => ({
                  value: l.id,
                  label: `${l.name} ${l.idNumber ?? ''} ${l.regionName} ${t(`leads.${l.status}`)}`,
                }))}
            />
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
