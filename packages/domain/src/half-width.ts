/** Converts full-width ASCII forms (Ａ１，．) and the ideographic space to their ASCII equivalents. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Whitespace and dash-like characters that people type as separators inside numbers. */
export const SEPARATOR_PATTERN = /[\s\u00a0\u3000\-\u2010-\u2015\u2212]/g;
