import dayjs from 'dayjs';

export interface GridCell {
  date: string;
  day: number;
  inMonth: boolean;
}

/** A month as weeks starting on Monday (the Chinese convention), padded with the neighbouring days. */
export function monthGrid(year: number, month: number): GridCell[][] {
  const first = dayjs(new Date(year, month, 1));
  const offset = (first.day() + 6) % 7;
  const start = first.subtract(offset, 'day');
  const weeks: GridCell[][] = [];
  for (let w = 0; w < 6; w++) {
    const week: GridCell[] = [];
    for (let d = 0; d < 7; d++) {
      const cur = start.add(w * 7 + d, 'day');
      week.push({ date: cur.format('YYYY-MM-DD'), day: cur.date(), inMonth: cur.month() === month });
    }
    if (w >= 4 && week.every((c) => !c.inMonth)) break;
    weeks.push(week);
  }
  return weeks;
}
