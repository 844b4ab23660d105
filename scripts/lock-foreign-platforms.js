#!/usr/bin/env node
/**
 * Records in package-lock.json the platform-specific optional packages
 * (other OS / CPU builds of @swc/core and unrs-resolver) that the npm
 * registry mirror of our build machines does not serve. npm drops an
 * optional package it cannot fetch from the lock file, and `npm ci` then
 * refuses the lock as out of sync. Entries carry os/cpu/libc, so npm skips
 * them on this platform and fetches them on the one they are for.
 * Run after `npm install` changes the lock: `node scripts/lock-foreign-platforms.js`.
 */
const fs = require('node:fs');
const path = require('node:path');

const LOCK = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony'];
const CPU = [
  [/-(arm64|aarch64)(-|$)/, 'arm64'],
  [/-x64(-|$)/, 'x64'],
  [/-ia32(-|$)/, 'ia32'],
  [/-arm(-|$)/, 'arm'],
  [/-ppc64(-|$)/, 'ppc64'],
  [/-s390x(-|$)/, 's390x'],
  [/-loong64(-|$)/, 'loong64'],
  [/-riscv64(-|$)/, 'riscv64'],
];

function platformOf(name) {
  const os = OS.find((o) => name.includes(`-${o}-`));
  const cpu = CPU.find(([re]) => re.test(name))?.[1];
  if (!os || !cpu) return undefined;
  const libc = /-(gnu|gnueabihf)$/.test(name) ? 'glibc' : /-musl(eabihf)?$/.test(name) ? 'musl' : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const at = `node_modules/${name}`;
    if (packages[at]) continue;
    const platform = platformOf(name);
    if (!platform) throw new Error(`${location}: cannot tell the platform of optional dependency ${name}`);
    packages[at] = { version, dev: entry.dev, optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`recorded ${added} foreign-platform optional packages in package-lock.json`);
