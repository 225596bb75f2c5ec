export * from './wecom-api';
export * from './wecom-callback-crypto';
