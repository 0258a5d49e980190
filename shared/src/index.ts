export * from './categories.ts';
export * from './errors.ts';
export * from './municipalities.ts';
export * from './requests.ts';
export * from './roles.ts';
export * from './permissions.ts';
export * from './accounts.ts';
export * from './search/tokens.ts';
