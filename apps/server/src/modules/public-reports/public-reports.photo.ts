import { invalid } from '../../http/problem.js';

export const PHOTO_LIMIT_MB = 5;
type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image's type from its first bytes, whatever the sender claims. */
export function sniffImage(data: Buffer): PhotoMime | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  return null;
}

/** The photo of a tip, decoded and checked (a data: URL prefix is allowed), or a field error. */
export function readPhoto(base64: string): { mime: PhotoMime; data: Buffer } {
  const data = Buffer.from(base64.replace(/^data:[^,]*,/, ''), 'base64');
  if (data.length > PHOTO_LIMIT_MB * 1024 * 1024)
    throw invalid([{ field: 'photo', key: 'publicReport.photoTooLarge', params: { mb: PHOTO_LIMIT_MB } }]);
  const mime = sniffImage(data);
  if (!mime) throw invalid([{ field: 'photo', key: 'publicReport.photoType' }]);
  return { mime, data };
}
