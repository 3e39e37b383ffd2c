export * from './accounts.ts';
export * from './audit.ts';
export * from './collaborations.ts';
export * from './live.ts';
export * from './notifications.ts';
export * from './organisations.ts';
export * from './programmes.ts';
export * from './process.ts';
