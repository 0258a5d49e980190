export * from './associations.ts';
export * from './municipalities.ts';
export * from './requests.ts';
export * from './users.ts';
