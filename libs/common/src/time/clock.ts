/** The one source of "now". Production uses the system clock; tests and the demo move a manual one. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export class ManualClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date): void {
    this.current = new Date(to.getTime());
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';

// Made once: building an Intl formatter costs far more than using it.
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: SHANGHAI_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return SHANGHAI_DATE.format(instant);
}
