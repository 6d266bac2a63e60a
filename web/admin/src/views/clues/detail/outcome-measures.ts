import { defaultClueMeasures, type ClueMeasureCatalogue, type ClueMeasureDef } from '../../../../../../contracts/clue-measures';

/** One measure of a 形态: a code, its 影响期 in months (0 where the rules set none), a name for one an administrator added. */
export type MeasureDef = ClueMeasureDef;
export type MeasureForm = '1' | '2' | '3' | '4';
export type MeasureCatalogue = ClueMeasureCatalogue;

/** The built-in catalogue, shown until the tenant's configured one arrives. */
export const defaultMeasures: MeasureCatalogue = defaultClueMeasures;

/** The measures a 形态 allows; none until a form is chosen. */
export function measuresFor(catalogue: MeasureCatalogue, form: number | null): MeasureDef[] {
  return form && form >= 1 && form <= 4 ? catalogue[String(form) as MeasureForm] : [];
}

/** A built-in code reads from the locale; an added one carries its own name; an unknown code shows as is. */
export function measureLabel(code: string, catalogue: MeasureCatalogue, t: (k: string) => string, te: (k: string) => boolean): string {
  const key = `clue-detail.measures.${code}`;
  if (te(key)) return t(key);
  return Object.values(catalogue).flat().find((d) => d.code === code)?.name ?? code;
}
