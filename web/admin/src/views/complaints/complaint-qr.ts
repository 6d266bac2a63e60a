/**
 * The complaint form's link for one org, as a QR code to post at the unit's door. The portal reads
 * `?org=<id>` and pre-selects that org; the link is absolute because a phone elsewhere reads it.
 */
export function complaintFormLink(origin: string, orgId: string): string {
  return `${origin}/portal/complaint?org=${encodeURIComponent(orgId)}`;
}

/** The org's name as a file name every system accepts: path, reserved and control characters become "_". */
export function qrFileName(prefix: string, orgName: string): string {
  const safe = orgName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim();
  return `${prefix}-${safe || 'org'}.png`;
}

/** The same rendering as the TOTP enrolment code: the qrcode library, one module of quiet zone. */
export async function qrDataUrl(link: string, width: number): Promise<string> {
  const { toDataURL } = await import('qrcode');
  return toDataURL(link, { margin: 1, width, errorCorrectionLevel: 'M' });
}

/** The texts on the poster, already translated by the dialog. */
export interface QrPosterText {
  heading: string;
  orgName: string;
  caption: string;
  link: string;
}

const WIDTH = 720;
const PAD = 60;
const QR = 540;
const SANS = "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** A printable PNG: heading, the org's name, the code large enough to scan from a step away, and the link. */
export async function qrPosterPng(text: QrPosterText): Promise<Blob> {
  const { toCanvas } = await import('qrcode');
  const code = document.createElement('canvas');
  await toCanvas(code, text.link, { margin: 2, width: QR, errorCorrectionLevel: 'M' });

  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  const height = 300 + QR + 130;
  const inner = WIDTH - PAD * 2;
  canvas.width = WIDTH;
  canvas.height = height;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = '#a61b1b';
  ctx.fillRect(0, 0, WIDTH, 120);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold 44px ${SANS}`;
  ctx.fillText(text.heading, WIDTH / 2, 60, inner);
  ctx.fillStyle = '#1f2328';
  ctx.font = `bold 38px ${SANS}`;
  ctx.fillText(text.orgName, WIDTH / 2, 186, inner);
  ctx.fillStyle = '#555b64';
  ctx.font = `26px ${SANS}`;
  ctx.fillText(text.caption, WIDTH / 2, 248, inner);
  ctx.drawImage(code, (WIDTH - QR) / 2, 290, QR, QR);
  ctx.font = `18px ${SANS}`;
  ctx.fillText(text.link, WIDTH / 2, 290 + QR + 60, inner);

  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas export failed'))), 'image/png'));
}
