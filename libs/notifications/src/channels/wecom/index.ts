export * from './wecom-api';
export * from './wecom-callback-crypto';
export * from './wecom-callback-gate';
export * from './wecom-callback-message';
