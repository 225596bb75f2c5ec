/** Calendar quarters as written in reports: `2026Q3`. */
const QUARTER = /^(\d{4})Q([1-4])$/;

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export function parseQuarter(text: string): Quarter | null {
  const match = QUARTER.exec(text);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] } : null;
}

export function formatQuarter({ year, quarter }: Quarter): string {
  return `${year}Q${quarter}`;
}

/** The quarter a date (YYYY-MM-DD) falls in. */
export function quarterOf(date: string): Quarter {
  return {
    year: Number(date.slice(0, 4)),
    quarter: (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter['quarter'],
  };
}

export function quarterStart({ year, quarter }: Quarter): string {
  return `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function quarterEnd({ year, quarter }: Quarter): string {
  return ['', `${year}-03-31`, `${year}-06-30`, `${year}-09-30`, `${year}-12-31`][quarter];
}

export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter['quarter'] };
}
