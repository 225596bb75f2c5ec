export * from './calendar/working-calendar';
export * from './quarters/quarter';
export * from './scheduling.module';
