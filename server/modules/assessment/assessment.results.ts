import type { CompareQuery, Comparison, Grade, PayExportQuery } from '../../../contracts/assessment.js';
import type { Ctx } from '../../platform/context.js';
import { writeWorkbook } from '../../platform/excel/excel.js';
import { AppError } from '../../platform/http/errors.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { fromCenti } from './assessment.score.js';
import { readerOf } from './assessment.service.js';
import * as repo from './assessment.repo.js';

type ApprovedRow = Awaited<ReturnType<typeof repo.approved>>[number];

const subjectName = (r: ApprovedRow) => (r.subject_kind === 'leader' ? (r.person_name ?? '') : r.org_name);

/**
 * 绩效 sheet: the approved assessments of a year the caller may read, with the coefficient the tenant's
 * table gives each grade today (the pay policy is the client's; the grades themselves are frozen).
 */
export async function exportPay(ctx: Ctx, q: PayExportQuery, locale: Locale): Promise<Buffer> {
  const rows = await repo.approved(ctx.deps.db, readerOf(ctx), { fromYear: q.year, toYear: q.year, subjectKind: q.subjectKind });
  const coefficients = (await loadSettings(ctx.deps.db, ctx.tenantId))['system.assessment.payCoefficients'];
  const c = (k: string) => t(locale, `assessment.columns.${k}`);
  return writeWorkbook<ApprovedRow>(t(locale, 'assessment.sheets.pay'), [
    { header: c('year'), value: (r) => r.year, width: 8 },
    { header: c('subjectKind'), value: (r) => t(locale, `assessment.subjectKinds.${r.subject_kind}`), width: 12 },
    { header: c('subject'), value: subjectName, width: 24 },
    { header: c('org'), value: (r) => r.org_name, width: 24 },
    { header: c('rubric'), value: (r) => r.rubric_name, width: 30 },
    { header: c('score'), value: (r) => fromCenti(r.final_total_centi!), width: 10 },
    { header: c('grade'), value: (r) => t(locale, `assessment.grades.${r.grade}`), width: 10 },
    { header: c('coefficient'), value: (r) => coefficients[r.grade as Grade], width: 10 },
    { header: c('approvedAt'), value: (r) => r.approved_at, width: 26 },
  ], rows);
}

const MAX_YEARS = 10;

/** The same subjects' approved totals and grades side by side, year by year. */
export async function compareYears(ctx: Ctx, q: CompareQuery): Promise<Comparison> {
  if (q.toYear < q.fromYear || q.toYear - q.fromYear >= MAX_YEARS) throw new AppError('VALIDATION_FAILED', { field: 'toYear' });
  const years = Array.from({ length: q.toYear - q.fromYear + 1 }, (_, i) => q.fromYear + i);
  const rows = await repo.approved(ctx.deps.db, readerOf(ctx), q);
  const bySubject = new Map<string, ApprovedRow[]>();
  for (const r of rows) bySubject.set(r.subject_key, [...(bySubject.get(r.subject_key) ?? []), r]);
  return {
    years,
    rows: [...bySubject.values()].map((list) => {
      const first = list[0]!;
      const results = years.map((y) => {
        // Two rubrics of one kind in a year would give two results; the later approval is the one that counts.
        const hit = list.filter((r) => r.year === y).sort((a, b) => (a.approved_at! < b.approved_at! ? 1 : -1))[0];
        return hit ? { total: fromCenti(hit.final_total_centi!), grade: hit.grade! } : null;
      });
      const present = results.filter((r) => r !== null);
      return {
        subject: { id: first.subject_key, name: subjectName(first) },
        subjectKind: first.subject_kind,
        results,
        change: present.length >= 2 ? fromCenti(Math.round((present.at(-1)!.total - present[0]!.total) * 100)) : null,
      };
    }),
  };
}
