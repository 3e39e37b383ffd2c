export * from './accounts.ts';
export * from './collaborations.ts';
export * from './organisations.ts';
