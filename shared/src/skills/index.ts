export * from './taxonomy.ts';
export * from './tags.ts';
export * from './availability.ts';
export * from './views.ts';
