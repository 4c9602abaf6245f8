import { can } from '@fangkong/domain';
import { App, Button, Descriptions, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { fetchTipReporter, useMarkMalicious } from '../../api/leads';
import { useMe } from '../../auth/session';
import type { Lead } from '../../api/types';

/** Leads sent from the public pages (举报, 主动报备) carry what the sender wrote. */
export const hasPublicSource = (l: Lead) => l.sources.some((s) => s.source === 'tip' || s.source === 'selfReport');

type Reporter = { name: string | null; phone: string | null } | null;

/** What the public sender wrote; the reporter of a tip only for the township and above (the server decides). */
export function LeadPublicDetail({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {lead.sources
        .filter((s) => s.source === 'tip' || s.source === 'selfReport')
        .map((s) => {
          const d = (s.detail ?? {}) as Record<string, unknown>;
          const reporter = d.reporter as Reporter | undefined;
          return (
            <Descriptions key={s.id} size="small" column={1} bordered title={t(`keyPersons.sources.${s.source}`)}>
              <Descriptions.Item label={t('publicReports.receipt')}>{String(d.receipt ?? '—')}</Descriptions.Item>
              {s.source === 'tip' ? (
                <>
                  <Descriptions.Item label={t('publicReports.what')}>{String(d.what ?? '')}</Descriptions.Item>
                  <Descriptions.Item label={t('publicReports.address')}>{String(d.address ?? '')}</Descriptions.Item>
                  {reporter !== undefined && (
                    <Descriptions.Item label={t('leads.reporter')}>
                      {reporter ? <ReporterContact lead={lead} reporter={reporter} /> : t('publicReports.anonymous')}
                    </Descriptions.Item>
                  )}
                  {typeof d.photoId === 'string' && (
                    <Descriptions.Item label={t('publicReports.photo')}>
                      <a href={`/api/v1/attachments/${d.photoId}`} target="_blank" rel="noreferrer">
                        {t('leads.viewPhoto')}
                      </a>
                    </Descriptions.Item>
                  )}
                </>
              ) : (
                <>
                  <Descriptions.Item label={t('publicReports.fromPlace')}>
                    {[d.riskArea, d.fromPlace].filter(Boolean).join(' · ')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('publicReports.arrivalDate')}>
                    {String(d.arrivalDate ?? '')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('publicReports.travelMode')}>
                    {d.travelMode ? t(`keyPersonFile.transports.${d.travelMode}`) : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('publicReports.address')}>{String(d.address ?? '')}</Descriptions.Item>
                  {typeof d.companionOf === 'string' && (
                    <Descriptions.Item label={t('leads.companionOf')}>{d.companionOf}</Descriptions.Item>
                  )}
                </>
              )}
            </Descriptions>
          );
        })}
    </Space>
  );
}

/** 恶意举报: the township dismisses an open tip as malicious. */
export function MaliciousButton({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mark = useMarkMalicious();
  if (lead.status !== 'open' || !lead.sources.some((s) => s.source === 'tip')) return null;
  return (
    <Popconfirm
      title={t('leads.maliciousConfirm')}
      onConfirm={() => mark.mutate(lead.id, { onError: (e) => void message.error(errorMessage(e)) })}
    >
      <Button type="link" size="small" danger loading={mark.isPending}>
        {t('leads.malicious')}
      </Button>
    </Popconfirm>
  );
}

/** The reporter as listed (phone masked); the township opens the full phone to call back (audited). */
function ReporterContact({ lead, reporter }: { lead: Lead; reporter: NonNullable<Reporter> }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [full, setFull] = useState<string | null>(null);
  return (
    <Space wrap>
      {[reporter.name, full ?? reporter.phone].filter(Boolean).join(' ')}
      {reporter.phone && !full && can(me.role, 'leads.markMalicious') && (
        <Button
          size="small"
          type="link"
          onClick={() =>
            fetchTipReporter(lead.id).then(
              (r) => setFull(r.phone),
              (e) => void message.error(errorMessage(e)),
            )
          }
        >
          {t('leads.showPhone')}
        </Button>
      )}
    </Space>
  );
}
