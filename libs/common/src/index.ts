export * from './config/app-config';
export * from './config/config.module';
export * from './errors/domain-error';
export * from './files/repository-root';
export * from './json/json-value';
export * from './text/normalize';
export * from './time/clock';
export * from './tasks/task-states';
