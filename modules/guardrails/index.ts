export * from './aspect';
export * from './evaluate';
export * from './model';
export * from './rules';
