import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { DutyLetter } from '../../../contracts/duty-letters.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';

/**
 * GB/T 9704 official-document layout, as far as a letter needs it: A4 with 37/35/28/26 mm margins, the title in
 * 方正小标宋简体 二号 (22 pt) centred, the body in 仿宋_GB2312 三号 (16 pt) on a fixed 28.95 pt line (22 lines a page)
 * with a two-character first-line indent, the duties numbered in 黑体 for the numbers, page numbers
 * "— n —" in 宋体 四号. Fonts are named, not embedded: the reader's Word substitutes what it lacks.
 */
const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', page: '宋体' };
const PT = (pt: number) => pt * 2;
const LINE = { line: Math.round(28.95 * 20), lineRule: LineRuleType.EXACT };
/** Two characters of 16 pt, in twips. */
const INDENT = 2 * 16 * 20;
const east = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });

const body = (text: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    spacing: LINE,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: INDENT },
    children: [new TextRun({ text, font: east(FONT.body), size: PT(16) })],
  });

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

function signatureBlock(letter: DutyLetter, locale: Locale): Table {
  const sigOf = (partyId: string) => letter.signatures.find((s) => s.partyId === partyId);
  const cells = letter.parties.map((p) => {
    const sig = sigOf(p.id);
    const lines = [
      p.label,
      `${t(locale, 'duty-letters.docx.org')}${p.orgName}`,
      `${t(locale, 'duty-letters.docx.signer')}${p.person.name}`,
      sig
        ? `${t(locale, 'duty-letters.docx.signedAt')}${sig.signedAt.slice(0, 10)}`
        : t(locale, 'duty-letters.docx.unsigned'),
      ...(sig ? [`${t(locale, 'duty-letters.docx.key')}${sig.publicKey.slice(2, 18).toUpperCase()}`] : []),
    ];
    return new TableCell({
      width: { size: Math.floor(100 / letter.parties.length), type: WidthType.PERCENTAGE },
      children: lines.map((l) => body(l, { indent: false, align: AlignmentType.LEFT })),
    });
  });
  const rows: TableRow[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(new TableRow({ children: cells.slice(i, i + 2) }));
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders, rows });
}

export async function renderLetterDocx(letter: DutyLetter, locale: Locale): Promise<Buffer> {
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...LINE, after: Math.round(28.95 * 20) },
      children: [new TextRun({ text: letter.title, font: east(FONT.title), size: PT(22) })],
    }),
    ...(letter.preamble ? letter.preamble.split('\n').filter(Boolean).map((p) => body(p)) : []),
    ...letter.duties.map(
      (d, i) =>
        new Paragraph({
          spacing: LINE,
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: INDENT },
          children: [
            new TextRun({ text: t(locale, 'duty-letters.docx.dutyNo', { n: i + 1 }), font: east(FONT.heading), size: PT(16) }),
            new TextRun({ text: d, font: east(FONT.body), size: PT(16) }),
          ],
        }),
    ),
    ...(letter.closing ? letter.closing.split('\n').filter(Boolean).map((p) => body(p)) : []),
    body('', { indent: false }),
    signatureBlock(letter, locale),
    body('', { indent: false }),
    body(t(locale, 'duty-letters.docx.footnote', { code: letter.code, hash: letter.contentHash }), { indent: false, align: AlignmentType.LEFT }),
  ];
  const doc = new Document({
    creator: 'Qingfeng',
    title: letter.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: convertMillimetersToTwip(37), bottom: convertMillimetersToTwip(35), left: convertMillimetersToTwip(28), right: convertMillimetersToTwip(26) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: east(FONT.page), size: PT(14) })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
