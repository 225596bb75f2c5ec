import dayjs from 'dayjs';

/** 2022-09-15 → 2022年9月15日 */
export function chineseDate(isoDate: string): string {
  return dayjs(isoDate).format('YYYY年M月D日');
}

/** 2026-11-22T02:00:00Z → 2026年11月22日 10:00 (the browser's zone; the engine's users are in Asia/Shanghai). */
export function chineseDateTime(instant: string): string {
  return dayjs(instant).format('YYYY年M月D日 HH:mm');
}

/** Working days on the official calendar: 剩余 3 个工作日, 今日到期, 逾期 2 个工作日. */
export function workingDaysText(left: number): string {
  if (left === 0) return '今日到期';
  return left > 0 ? `剩余 ${left} 个工作日` : `逾期 ${-left} 个工作日`;
}
