export * from './access-token-cache';
export * from './member-pacer';
