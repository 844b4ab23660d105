export * from './issues';
export * from './load';
export * from './schema';
export * from './validate';
