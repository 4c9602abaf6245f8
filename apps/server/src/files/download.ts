import { XLSX_MIME } from './table-reader.js';

/**
 * The headers of a file the browser saves: its type, and its name in RFC 5987 form so that
 * Chinese names (入户排查统计表.xlsx) arrive intact.
 */
export function downloadHeaders(name: string, type = XLSX_MIME): Record<string, string> {
  return { 'content-type': type, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` };
}
