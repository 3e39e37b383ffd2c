export * from './agreement.ts';
export * from './checks.ts';
export * from './cycles.ts';
export * from './diff.ts';
export * from './form-values.ts';
export * from './forms.ts';
export * from './go-no-go.ts';
export * from './position.ts';
