/**
 * The story the demo plays: which measures are due when, and how each unit behaves. Everything is
 * derived from stable facts of the task (its measure, unit and kind), so every run plays the same.
 */

/** The simulated quarter and a half: launch in June 2022, the Q3 bulletin in October. */
export const DEMO_START = '2022-06-06';
export const DEMO_END = '2022-10-14';
export const REPORT_QUARTER = '2022Q3';

/** Deadlines of the 2022 action plan's measures, by their position in the document. */
export function deadlineFor(position: number): string {
  if (position % 4 === 0) return '2022-08-31';
  if (position % 4 === 1) return '2022-09-15';
  return '2022-12-30';
}

/** Cities the first lead units split their measures to (任务分解), and the subtasks' deadline. */
export const SPLIT_CITIES = ['sx-city-taiyuan', 'sx-city-datong'];
export const SPLIT_MEASURES = 3;
export const SUBTASK_DEADLINE = '2022-09-20';

/** How many measures of the 2021 plan get their suggested units accepted. */
export const SUGGESTIONS_TO_ACCEPT = 5;

export type AckHabit = 'prompt' | 'late' | 'never';
export type FinishHabit = 'on_time' | 'late' | 'never';

export interface Persona {
  ack: AckHabit;
  finish: FinishHabit;
  reportsProgress: boolean;
}

/** A small stable hash (FNV-1a) of the task's identity. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (const character of text) value = Math.imul(value ^ character.codePointAt(0)!, 0x01000193) >>> 0;
  return value;
}

export function personaOf(identity: string): Persona {
  const h = hash(identity);
  return {
    ack: h % 10 === 0 ? 'never' : h % 10 <= 2 ? 'late' : 'prompt',
    finish: (h >>> 4) % 5 === 0 ? 'never' : (h >>> 4) % 5 === 1 ? 'late' : 'on_time',
    reportsProgress: (h >>> 8) % 3 !== 2,
  };
}

/** Working days after assignment before acknowledging: the deadline is 3. */
export const ACK_DELAY: Readonly<Record<Exclude<AckHabit, 'never'>, number>> = { prompt: 1, late: 5 };
/** Working days before (negative: after) the deadline on which the unit submits. */
export const SUBMIT_OFFSET: Readonly<Record<Exclude<FinishHabit, 'never'>, number>> = { on_time: 4, late: -4 };
/** Quarterly progress reports go in on these days, for the quarter just ended. */
export const REPORT_DAYS: Readonly<Record<string, string>> = { '2022-07-05': '2022Q2', '2022-10-10': '2022Q3' };
