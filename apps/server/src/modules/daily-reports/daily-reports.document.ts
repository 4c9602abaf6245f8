import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { shanghaiDateTimeOf, type Locale } from '@fangkong/domain';
import { sheet, workbookBuffer } from '../../files/workbook.js';

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
  'zh-CN': (r) => `报送人：${r.submittedByName}　报送时间：${shanghaiDateTimeOf(r.submittedAt)}　第${r.version}版`,
  'en-US': (r) =>
    `Submitted by ${r.submittedByName} at ${shanghaiDateTimeOf(r.submittedAt)} (UTC+8), version ${r.version}`,
};

/** The report as a .docx: title, the text officials send, who submitted it and when. */
export async function reportDocx(r: ReportDocument, locale: Locale): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: TITLE[locale](r), heading: HeadingLevel.HEADING_1 }),
          ...r.text.map(
            (t) => new Paragraph({ children: [new TextRun({ text: t, size: 28 })], spacing: { after: 200 } }),
          ),
          new Paragraph({ children: [new TextRun({ text: SIGNED[locale](r), italics: true, size: 20 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The report as an .xlsx: the text on the first sheet, every figure on the second. */
export async function reportXlsx(r: ReportDocument, locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const paragraphs = [...r.text.map((text) => ({ text, wrap: true })), { text: SIGNED[locale](r), wrap: false }];
  const figures = Object.entries(r.figures).flatMap(([section, values]) =>
    Object.entries(values).map(([figure, value]) => ({ section, figure, value })),
  );
  return workbookBuffer(locale, [
    sheet({
      name: zh ? '日报' : 'Report',
      title: TITLE[locale](r),
      header: false,
      columns: [{ zh: '', width: 100, cell: (p) => p.text }],
      rows: paragraphs,
      style: (row, p) => {
        if (p.wrap) row.alignment = { wrapText: true };
      },
    }),
    sheet({
      name: zh ? '数据' : 'Figures',
      columns: [
        { zh: '类别', en: 'Section', width: 24, cell: (f) => f.section },
        { zh: '指标', en: 'Figure', width: 24, cell: (f) => f.figure },
        { zh: '数值', en: 'Value', width: 24, cell: (f) => f.value },
      ],
      rows: figures,
    }),
  ]);
}
