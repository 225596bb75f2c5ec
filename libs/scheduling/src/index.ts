export * from './calendar/working-calendar';
export * from './scheduling.module';
