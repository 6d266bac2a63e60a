/** The texts on the saved image, already translated and filled in by the page. */
export interface ReceiptImageText {
  heading: string;
  site: string;
  receiptLabel: string;
  receipt: string;
  codeLabel: string;
  code: string;
  timeLabel: string;
  time: string;
  warning: string;
}

/** Han characters break anywhere; Latin words stay whole. */
const TOKENS = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+|\s+/g;

/** Greedy line breaking with the canvas's own measure, so the warning never runs off the image. */
export function wrapLines(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(TOKENS) ?? []) {
    const next = line + token;
    if (line && measure(next.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? '' : token;
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

const WIDTH = 750;
const PAD = 48;
const SANS = "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
const MONO = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono', monospace";

/** Draws the receipt on a canvas and returns it as PNG; nothing leaves the phone. */
export async function receiptPng(text: ReceiptImageText): Promise<Blob> {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  const inner = WIDTH - PAD * 2;
  ctx.font = `28px ${SANS}`;
  const warning = wrapLines(text.warning, inner - 32, (s) => ctx.measureText(s).width);
  const height = 520 + warning.length * 42;
  canvas.width = WIDTH;
  canvas.height = height;

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = '#a61b1b';
  ctx.fillRect(0, 0, WIDTH, 112);
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.font = `bold 38px ${SANS}`;
  ctx.fillText(text.heading, PAD, 46);
  ctx.font = `24px ${SANS}`;
  ctx.fillText(text.site, PAD, 88);

  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#555b64';
  ctx.font = `26px ${SANS}`;
  ctx.fillText(text.receiptLabel, PAD, 176);
  ctx.fillStyle = '#1f2328';
  ctx.font = `bold 54px ${MONO}`;
  ctx.fillText(text.receipt, PAD, 246, inner);

  ctx.fillStyle = '#555b64';
  ctx.font = `26px ${SANS}`;
  ctx.fillText(`${text.codeLabel}  ${text.code}`, PAD, 312, inner);
  ctx.fillText(`${text.timeLabel}  ${text.time}`, PAD, 356, inner);

  const boxTop = 396;
  ctx.fillStyle = '#fff4d6';
  ctx.fillRect(PAD, boxTop, inner, warning.length * 42 + 40);
  ctx.fillStyle = '#5c4400';
  ctx.font = `28px ${SANS}`;
  warning.forEach((l, i) => ctx.fillText(l, PAD + 16, boxTop + 48 + i * 42));

  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas export failed'))), 'image/png'));
}

/** Hands a file to the browser's download; the object URL is released once the download has started. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
