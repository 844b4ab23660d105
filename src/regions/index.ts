export * from './catalog';
export * from './feature-availability';
export * from './principals';
export * from './resolve';
