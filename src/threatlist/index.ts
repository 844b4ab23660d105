/**
 * IP lists for GuardDuty: parse, validate, normalize, aggregate and diff
 * the files under threatlists/. Pure TypeScript, no cdktf; list files are
 * read in list-files.ts only.
 */
export * from './annotations';
export * from './build';
export * from './canonical';
export * from './cidr-cover';
export * from './diagnostics';
export * from './diff';
export * from './diff-report';
export * from './entry-text';
export * from './feed';
export * from './ipv4';
export * from './list-files';
export * from './lists-config';
export * from './normalize';
export * from './parse';
export * from './quotas';
export * from './range-set';
export * from './source-file';
export * from './special-ranges';
export * from './stats';
export * from './validate';
