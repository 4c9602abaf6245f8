import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { reportDocumentUrl, useDailyReport } from '../../api/dailyReports';
import './print.css';

/** The report on an A4 page, as it is printed and stamped. */
export default function ReportPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useDailyReport(id);
  if (report.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!report.data) return <Result status="404" title="404" subTitle={t('common.notFound')} />;
  const r = report.data;
  return (
    <div className="fk-print">
      <div className="fk-print-actions">
        <Button type="primary" onClick={() => window.print()}>
          {t('dailyReports.print')}
        </Button>
        <a href={reportDocumentUrl(r.id, 'docx')}>Word</a>
        <a href={reportDocumentUrl(r.id, 'xlsx')}>Excel</a>
      </div>
      <article className="fk-print-page">
        <h1>{t('dailyReports.documentTitle', { region: r.regionName, day: r.reportDate })}</h1>
        {r.text.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        <footer>
          {t('dailyReports.signed', {
            name: r.submittedByName,
            time: new Date(r.submittedAt).toLocaleString(),
            version: r.version,
          })}
        </footer>
      </article>
    </div>
  );
}
