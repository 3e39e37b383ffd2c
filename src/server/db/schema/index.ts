export * from './accounts.ts';
export * from './organisations.ts';
