import ExcelJS from 'exceljs';

// A whole ID number (18 characters) or mobile number (11 digits) standing alone: masked ones
// carry asterisks, ids (hex segments of UUIDs and digests included) and region codes never match.
const FULL_ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const FULL_PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

interface Answer {
  headers: Record<string, unknown>;
  body: string;
  rawPayload?: Buffer;
}

/** The text of an answer: its JSON, or every cell of a workbook. */
async function textOf(res: Answer): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml') && res.rawPayload?.length) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(res.rawPayload as never);
    } catch {
      return '';
    }
    return wb.worksheets
      .flatMap((ws) =>
        ws
          .getSheetValues()
          .flat(2)
          .map((v) => (v && typeof v === 'object' ? JSON.stringify(v) : String(v ?? ''))),
      )
      .join('\n');
  }
  return type.includes('json') ? res.body : '';
}

/** Every full ID number and phone in an answer (to a role that may not see them: must be none). */
export async function fullDataIn(res: Answer): Promise<string[]> {
  const text = await textOf(res);
  return [...(text.match(FULL_ID_NUMBER) ?? []), ...(text.match(FULL_PHONE) ?? [])];
}
