import ExcelJS from 'exceljs';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Locale } from '@fangkong/domain';

export interface ReportDocument {
  regionName: string;
  reportDate: string;
  version: number;
  submittedByName: string;
  submittedAt: string;
  figures: Record<string, Record<string, number>>;
  text: string[];
}

const TITLE: Record<Locale, (r: ReportDocument) => string> = {
  'zh-CN': (r) => `${r.regionName}疫情防控日报（${r.reportDate}）`,
  'en-US': (r) => `${r.regionName} daily epidemic-control report (${r.reportDate})`,
};
const SIGNED: Record<Locale, (r: ReportDocument) => string> = {
  'zh-CN': (r) => `报送人：${r.submittedByName}　报送时间：${r.submittedAt}　第${r.version}版`,
  'en-US': (r) => `Submitted by ${r.submittedByName} at ${r.submittedAt}, version ${r.version}`,
};

/** The report as a .docx: title, the text officials send, who submitted it and when. */
export async function reportDocx(r: ReportDocument, locale: Locale): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: TITLE[locale](r), heading: HeadingLevel.HEADING_1 }),
          ...r.text.map((t) => new Paragraph({ children: [new TextRun({ text: t, size: 28 })], spacing: { after: 200 } })),
          new Paragraph({ children: [new TextRun({ text: SIGNED[locale](r), italics: true, size: 20 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The report as an .xlsx: the text on the first sheet, every figure on the second. */
export async function reportXlsx(r: ReportDocument, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const zh = locale === 'zh-CN';
  const text = wb.addWorksheet(zh ? '日报' : 'Report');
  text.getColumn(1).width = 100;
  text.addRow([TITLE[locale](r)]).font = { bold: true, size: 14 };
  for (const t of r.text) text.addRow([t]).alignment = { wrapText: true };
  text.addRow([SIGNED[locale](r)]);
  const figures = wb.addWorksheet(zh ? '数据' : 'Figures');
  figures.addRow(zh ? ['类别', '指标', '数值'] : ['Section', 'Figure', 'Value']).font = { bold: true };
  for (const [section, values] of Object.entries(r.figures)) for (const [k, v] of Object.entries(values)) figures.addRow([section, k, v]);
  figures.columns.forEach((c) => (c.width = 24));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
