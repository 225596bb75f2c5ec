export * from './calendar.module';
export * from './calendar-data';
export * from './calendar-day';
export * from './official-calendar';
export * from './package-calendar';
export * from './quarter';
export * from './working-calendar';
export * from './working-hours';
