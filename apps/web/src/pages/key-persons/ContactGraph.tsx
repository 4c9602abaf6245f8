import { CONTACT_RELATIONS } from '@fangkong/domain';
import { App, Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { keyPersonFileKeys, useAddToFilePart, useFilePart } from '../../api/keyPersonFile';
import { usePersons } from '../../api/register';
import type { ContactGraph, ContactNode } from '../../api/types';

echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

const HOP_COLORS = ['#cf1322', '#fa8c16', '#1677ff'];

/** 密接关系图: the key person, their contacts and their contacts' contacts; a node with a file opens it. */
export function ContactsCard({ id, editable }: { id: string; editable: boolean }) {
  const { t } = useTranslation();
  const graph = useFilePart(id, 'contacts');
  const data = graph.data ?? { nodes: [], links: [] };
  const byId = new Map(data.nodes.map((n) => [n.personId, n]));
  const self = data.nodes.find((n) => n.hop === 0);
  const rows = data.links.map((l) => ({ ...l, a: byId.get(l.source), b: byId.get(l.target) }));
  const who = (n: ContactNode | undefined) =>
    !n ? (
      '—'
    ) : n.keyPersonId && n.keyPersonId !== id ? (
      <Link to={`/key-persons/${n.keyPersonId}`}>{n.name}</Link>
    ) : (
      <span>
        {n.name}
        {!n.inScope && <Tag style={{ marginLeft: 4 }}>{t('keyPersonFile.outOfScope')}</Tag>}
      </span>
    );
  return (
    <Card size="small" title={t('keyPersonFile.contacts')} data-testid="contacts">
      {data.links.length > 0 && <GraphView data={data} currentId={id} />}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        loading={graph.isLoading}
        columns={[
          { title: t('keyPersonFile.contactPerson'), key: 'a', render: (_, r) => who(r.a) },
          {
            title: t('keyPersonFile.relation'),
            dataIndex: 'relation',
            render: (rel: string) => t(`keyPersonFile.relations.${rel}`),
          },
          { title: t('keyPersonFile.contactPerson'), key: 'b', render: (_, r) => who(r.b) },
          { title: t('keyPersonFile.lastContactDate'), dataIndex: 'lastContactDate' },
          {
            title: t('keyPersonFile.hop'),
            key: 'hop',
            render: (_, r) => t(`keyPersonFile.hops.${Math.max(r.a?.hop ?? 0, r.b?.hop ?? 0)}`),
          },
        ]}
      />
      {editable && self && <AddContact id={id} />}
    </Card>
  );
}

function GraphView({ data, currentId }: { data: ContactGraph; currentId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();
  const option = useMemo(() => {
    const categories = [0, 1, 2].map((h) => ({
      name: t(`keyPersonFile.hops.${h}`),
      itemStyle: { color: HOP_COLORS[h] },
    }));
    return {
      tooltip: {
        formatter: (p: { dataType: string; data: { label?: string; name?: string } }) =>
          p.dataType === 'edge' ? (p.data.label ?? '') : (p.data.name ?? ''),
      },
      legend: [{ data: categories.map((c) => c.name) }],
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          categories,
          force: { repulsion: 220, edgeLength: 90 },
          label: { show: true, position: 'right' },
          edgeLabel: { show: true, fontSize: 10, formatter: (p: { data: { label: string } }) => p.data.label },
          data: data.nodes.map((n) => ({
            id: n.personId,
            name: n.name,
            category: n.hop,
            symbolSize: n.hop === 0 ? 36 : n.keyPersonId ? 26 : 18,
            keyPersonId: n.keyPersonId,
          })),
          links: data.links.map((l) => ({
            source: l.source,
            target: l.target,
            label: `${t(`keyPersonFile.relations.${l.relation}`)} ${l.lastContactDate}`,
          })),
        },
      ],
    };
  }, [data, t]);
  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current);
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(ref.current);
    chart.current.on('click', (p) => {
      const kp = (p.data as { keyPersonId?: string | null } | undefined)?.keyPersonId;
      if (p.dataType === 'node' && kp && kp !== currentId) void navigate(`/key-persons/${kp}`);
    });
    return () => {
      observer.disconnect();
      chart.current?.dispose();
    };
  }, [navigate, currentId]);
  useEffect(() => void chart.current?.setOption(option, true), [option]);
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: 360 }}
      role="img"
      aria-label={t('keyPersonFile.contactGraph')}
      data-testid="contact-graph"
    />
  );
}

function AddContact({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [search, setSearch] = useState('');
  const persons = usePersons({ q: search, pageSize: 10 }, search.length >= 1);
  const add = useAddToFilePart(id, 'contacts');
  const queryClient = useQueryClient();
  // 同户家属: proposed as contacts until linked.
  const members = (useFilePart(id, 'household-members').data ?? []).filter((m) => !m.linked);
  const onFinish = (v: {
    needsManagement?: boolean;
    contactPersonId?: string;
    name?: string;
    phone?: string;
    relation: (typeof CONTACT_RELATIONS)[number];
    lastContactDate: string;
  }) => {
    const body = {
      relation: v.relation,
      lastContactDate: v.lastContactDate,
      ...(v.needsManagement ? { needsManagement: true } : {}),
      ...(v.contactPersonId
        ? { contactPersonId: v.contactPersonId }
        : { newPerson: { name: v.name ?? '', ...(v.phone ? { phone: v.phone } : {}) } }),
    };
    add.mutate(body, {
      onSuccess: (r) => {
        form.resetFields();
        void queryClient.invalidateQueries({ queryKey: keyPersonFileKeys.part(id, 'household-members') });
        if ((r as { leadId?: string | null }).leadId) void message.success(t('keyPersonFile.leadRaised'));
      },
      onError: (err) => {
        if (!applyFieldErrors(form, err)) void message.error(errorMessage(err));
      },
    });
  };
  return (
    <>
      {members.length > 0 && (
        <Space wrap size={4} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('keyPersonFile.householdMembers')}</Typography.Text>
          {members.map((m) => (
            <Button
              key={m.personId}
              size="small"
              onClick={() =>
                form.setFieldsValue({ contactPersonId: m.personId, relation: 'household', needsManagement: true })
              }
            >
              {m.name}
            </Button>
          ))}
        </Space>
      )}
      <Form form={form} layout="inline" style={{ marginTop: 12, rowGap: 8 }} onFinish={onFinish}>
        <Form.Item name="contactPersonId">
          <Select
            showSearch
            allowClear
            filterOption={false}
            onSearch={setSearch}
            style={{ width: 220 }}
            aria-label={t('keyPersonFile.searchPerson')}
            placeholder={t('keyPersonFile.searchPerson')}
            options={[
              ...members.map((m) => ({ value: m.personId, label: `${m.name} ${m.idNumber ?? ''}` })),
              ...(persons.data?.items ?? [])
                .filter((p) => !members.some((m) => m.personId === p.id))
                .map((p) => ({ value: p.id, label: `${p.name} ${p.phone ?? p.idNumber ?? ''}` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="name">
          <Input
            aria-label={t('keyPersonFile.newPerson')}
            placeholder={t('keyPersonFile.newPerson')}
            style={{ width: 120 }}
          />
        </Form.Item>
        <Form.Item name="phone">
          <Input
            aria-label={t('keyPersonFile.phone')}
            placeholder={t('keyPersonFile.phone')}
            inputMode="tel"
            style={{ width: 130 }}
          />
        </Form.Item>
        <Form.Item name="relation" rules={[{ required: true }]}>
          <Select
            style={{ width: 120 }}
            aria-label={t('keyPersonFile.relation')}
            placeholder={t('keyPersonFile.relation')}
            options={CONTACT_RELATIONS.map((r) => ({ value: r, label: t(`keyPersonFile.relations.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="lastContactDate" label={t('keyPersonFile.lastContactDate')} rules={[{ required: true }]}>
          <Input type="date" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="needsManagement" valuePropName="checked">
          <Checkbox>{t('keyPersonFile.needsManagement')}</Checkbox>
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t('keyPersonFile.addContact')}
        </Button>
      </Form>
    </>
  );
}
