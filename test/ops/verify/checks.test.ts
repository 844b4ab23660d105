import type { ResolvedFeature } from '../../../src/features/resolve';
import { checkDetector } from '../../../src/ops/verify/checks/detector';
import { checkFilters } from '../../../src/ops/verify/checks/filters';
import { checkIpSets, type LiveIpSet } from '../../../src/ops/verify/checks/ip-sets';
import { parseListLocation, sameListObject } from '../../../src/ops/verify/checks/list-location';
import { checkMembers } from '../../../src/ops/verify/checks/members';
import { checkPublishingDestination } from '../../../src/ops/verify/checks/publishing-destination';
import type { CheckResult } from '../../../src/ops/verify/check-result';

const statuses = (results: CheckResult[]) => Object.fromEntries(results.map((r) => [r.subject, r.status]));
const notOk = (results: CheckResult[]) => results.filter((r) => r.status !== 'ok');

const FEATURES: ResolvedFeature[] = [
  { name: 'S3_DATA_EVENTS', status: 'ENABLED', additionalConfiguration: [] },
  {
    name: 'RUNTIME_MONITORING',
    status: 'ENABLED',
    additionalConfiguration: [
      { name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' },
      { name: 'EC2_AGENT_MANAGEMENT', status: 'DISABLED' },
    ],
  },
];

describe('checkDetector', () => {
  const expected = { findingPublishingFrequency: 'FIFTEEN_MINUTES' as const, features: FEATURES };
  const live = {
    detectorId: 'abc',
    status: 'ENABLED',
    findingPublishingFrequency: 'FIFTEEN_MINUTES',
    features: [
      { name: 'S3_DATA_EVENTS', status: 'ENABLED', additionalConfiguration: [] },
      {
        name: 'RUNTIME_MONITORING',
        status: 'ENABLED',
        additionalConfiguration: [
          { name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' },
          { name: 'EC2_AGENT_MANAGEMENT', status: 'DISABLED' },
        ],
      },
      { name: 'AI_PROTECTION', status: 'ENABLED', additionalConfiguration: [] },
    ],
  };

  it('is all ok when live matches, ignoring features the project does not manage', () => {
    const results = checkDetector(expected, live);
    expect(notOk(results)).toEqual([]);
    expect(results.map((r) => r.subject)).toEqual([
      'abc',
      'findingPublishingFrequency',
      'S3_DATA_EVENTS',
      'RUNTIME_MONITORING',
      'RUNTIME_MONITORING.EKS_ADDON_MANAGEMENT',
      'RUNTIME_MONITORING.EC2_AGENT_MANAGEMENT',
    ]);
  });

  it('reports a missing detector as the one drift', () => {
    expect(checkDetector(expected, undefined)).toEqual([{ check: 'detector', subject: 'detector', expected: 'ENABLED', live: '(none)', status: 'drift' }]);
  });

  it('reports a suspended detector, another frequency, a feature turned off and an agent turned on', () => {
    const drifted = {
      ...live,
      status: 'DISABLED',
      findingPublishingFrequency: 'SIX_HOURS',
      features: [
        { name: 'S3_DATA_EVENTS', status: 'DISABLED', additionalConfiguration: [] },
        {
          name: 'RUNTIME_MONITORING',
          status: 'ENABLED',
          additionalConfiguration: [
            { name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' },
            { name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' },
          ],
        },
      ],
    };
    expect(notOk(checkDetector(expected, drifted)).map((r) => `${r.subject}: ${r.expected} -> ${r.live}`)).toEqual([
      'abc: ENABLED -> DISABLED',
      'findingPublishingFrequency: FIFTEEN_MINUTES -> SIX_HOURS',
      'S3_DATA_EVENTS: ENABLED -> DISABLED',
      'RUNTIME_MONITORING.EC2_AGENT_MANAGEMENT: DISABLED -> ENABLED',
    ]);
  });

  it('does not report features or agents GuardDuty lists that the config does not know (a new plan DISABLED on a fresh detector)', () => {
    const withNewPlans = {
      ...live,
      features: [
        ...live.features.map((f) => (f.name === 'RUNTIME_MONITORING' ? { ...f, additionalConfiguration: [...f.additionalConfiguration, { name: 'SOME_NEW_AGENT', status: 'DISABLED' }] } : f)),
        { name: 'SOME_NEW_PROTECTION_PLAN', status: 'DISABLED', additionalConfiguration: [{ name: 'ITS_AGENT', status: 'DISABLED' }] },
      ],
    };
    const results = checkDetector(expected, withNewPlans);
    expect(notOk(results)).toEqual([]);
    expect(results.map((r) => r.subject).filter((s) => /NEW|ITS_AGENT/.test(s))).toEqual([]);
  });

  it('reports a feature GuardDuty does not list at all', () => {
    const results = checkDetector(expected, { ...live, features: [] });
    expect(statuses(results)).toMatchObject({ S3_DATA_EVENTS: 'drift', 'RUNTIME_MONITORING.EKS_ADDON_MANAGEMENT': 'drift' });
    expect(results.find((r) => r.subject === 'S3_DATA_EVENTS')?.live).toBe('(none)');
  });
});

describe('list locations', () => {
  it('reads every location form GuardDuty accepts as one bucket and key', () => {
    const forms = [
      's3://acme-gd-lists-111111111111-us-east-1/threatlists/feeds/0123456789abcdef.txt',
      'https://s3.amazonaws.com/acme-gd-lists-111111111111-us-east-1/threatlists/feeds/0123456789abcdef.txt',
      'https://s3-us-east-1.amazonaws.com/acme-gd-lists-111111111111-us-east-1/threatlists/feeds/0123456789abcdef.txt',
      'http://acme-gd-lists-111111111111-us-east-1.s3.amazonaws.com/threatlists/feeds/0123456789abcdef.txt',
      'http://acme-gd-lists-111111111111-us-east-1.s3-us-east-1.amazonaws.com/threatlists/feeds/0123456789abcdef.txt',
    ];
    for (const form of forms) {
      expect(parseListLocation(form)).toEqual({ bucket: 'acme-gd-lists-111111111111-us-east-1', key: 'threatlists/feeds/0123456789abcdef.txt' });
      expect(sameListObject(form, forms[0]!)).toBe(true);
    }
    expect(sameListObject(forms[0]!, forms[0]!.replace('0123', 'ffff'))).toBe(false);
  });
});

describe('checkIpSets', () => {
  const location = 's3://acme-gd-lists-111111111111-us-east-1/threatlists/trusted/aaaa000011112222.txt';
  const threatLocation = 's3://acme-gd-lists-111111111111-us-east-1/threatlists/feeds/bbbb000011112222.txt';
  const expected = [
    { kind: 'trusted' as const, name: 'acme-trusted', location },
    { kind: 'threat' as const, name: 'acme-feeds', location: threatLocation },
  ];
  const set = (over: Partial<LiveIpSet>): LiveIpSet => ({ kind: 'trusted', id: 'id1', name: 'acme-trusted', location, status: 'ACTIVE', ...over });

  it('is ok for sets ACTIVE at the expected location in any URL form', () => {
    const live = [set({ location: location.replace('s3://', 'https://s3.amazonaws.com/') }), set({ kind: 'threat', id: 'id2', name: 'acme-feeds', location: threatLocation })];
    expect(notOk(checkIpSets(expected, live))).toEqual([]);
  });

  it('reports ACTIVATING at the new location as pending, not drift', () => {
    const live = [set({ status: 'ACTIVATING' }), set({ kind: 'threat', id: 'id2', name: 'acme-feeds', location: threatLocation })];
    expect(statuses(checkIpSets(expected, live))).toEqual({ 'trusted acme-trusted': 'pending', 'threat acme-feeds': 'ok' });
  });

  it('reports a set still ACTIVE at an older list as drift: GuardDuty has not re-read the list', () => {
    const stale = set({ kind: 'threat', id: 'id2', name: 'acme-feeds', location: threatLocation.replace('bbbb', 'cccc') });
    const results = checkIpSets(expected, [set({}), stale]);
    expect(notOk(results)).toEqual([
      {
        check: 'ip-set',
        subject: 'threat acme-feeds',
        expected: `ACTIVE at ${threatLocation}`,
        live: `ACTIVE at ${threatLocation.replace('bbbb', 'cccc')}`,
        status: 'drift',
      },
    ]);
  });

  it('reports missing, failed and unlisted sets as drift; sets on their way out as pending', () => {
    const live = [
      set({ status: 'ERROR' }),
      set({ kind: 'threat', id: 'id3', name: 'acme-manual', location: threatLocation }),
      set({ kind: 'threat', id: 'id4', name: 'acme-old', location: threatLocation, status: 'DELETE_PENDING' }),
      set({ kind: 'threat', id: 'id5', name: 'acme-gone', location: threatLocation, status: 'DELETED' }),
    ];
    expect(statuses(checkIpSets(expected, live))).toEqual({
      'trusted acme-trusted': 'drift',
      'threat acme-feeds': 'drift',
      'threat acme-manual': 'drift',
      'threat acme-old': 'pending',
    });
  });
});

describe('checkPublishingDestination', () => {
  const expected = { destinationArn: 'arn:aws:s3:::acme-gd-findings-111111111111-us-east-1', kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/1234' };
  const live = { destinationId: 'd1', destinationType: 'S3', status: 'PUBLISHING', destinationArn: `${expected.destinationArn}/`, kmsKeyArn: expected.kmsKeyArn };

  it('is ok when PUBLISHING to the expected bucket with the expected key', () => {
    expect(notOk(checkPublishingDestination(expected, [live]))).toEqual([]);
  });

  it('is pending while GuardDuty verifies the destination, drift once it stops', () => {
    expect(checkPublishingDestination(expected, [{ ...live, status: 'PENDING_VERIFICATION' }])[0]!.status).toBe('pending');
    expect(checkPublishingDestination(expected, [{ ...live, status: 'UNABLE_TO_PUBLISH_FIX_DESTINATION_PROPERTY' }])[0]!.status).toBe('drift');
  });

  it('reports a missing destination, another bucket, another key', () => {
    expect(checkPublishingDestination(expected, [])).toEqual([
      { check: 'publishing-destination', subject: 'S3', expected: `PUBLISHING to ${expected.destinationArn}`, live: '(none)', status: 'drift' },
    ]);
    expect(checkPublishingDestination(expected, [{ ...live, destinationArn: 'arn:aws:s3:::elsewhere' }])[0]).toMatchObject({ status: 'drift', live: 'PUBLISHING to arn:aws:s3:::elsewhere' });
    expect(notOk(checkPublishingDestination(expected, [{ ...live, kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/other' }]))).toEqual([
      expect.objectContaining({ subject: 'd1 KMS key', status: 'drift' }),
    ]);
  });

  it("with 'none', any live destination is drift", () => {
    expect(checkPublishingDestination('none', [])[0]!.status).toBe('ok');
    expect(checkPublishingDestination('none', [live])[0]).toMatchObject({ subject: 'd1', expected: '(not in config)', status: 'drift' });
  });
});

describe('checkMembers', () => {
  it('invitation mode: Enabled ok, Invited pending, missing and unlisted members drift', () => {
    const expected = { mode: 'invitation' as const, accounts: [{ accountId: '333333333333' }, { accountId: '444444444444' }, { accountId: '555555555555' }] };
    const live = {
      members: [
        { accountId: '333333333333', relationshipStatus: 'Enabled' },
        { accountId: '444444444444', relationshipStatus: 'Invited' },
        { accountId: '666666666666', relationshipStatus: 'Enabled' },
      ],
    };
    expect(statuses(checkMembers(expected, live))).toEqual({
      '333333333333': 'ok',
      '444444444444': 'pending',
      '555555555555': 'drift',
      '666666666666': 'drift',
    });
  });

  it('organization mode with ALL: the auto-enable setting, then every member Enabled', () => {
    const live = {
      members: [
        { accountId: '333333333333', relationshipStatus: 'Enabled' },
        { accountId: '444444444444', relationshipStatus: 'Disabled' },
        { accountId: '555555555555', relationshipStatus: 'Created' },
      ],
      organization: { autoEnable: 'NEW', features: [] },
    };
    const results = checkMembers({ mode: 'organization', autoEnable: 'ALL' }, live);
    expect(statuses(results)).toEqual({
      'organization auto-enable': 'drift',
      '444444444444': 'drift',
      '555555555555': 'pending',
      'organization members': 'ok',
    });
    expect(results.at(-1)!.live).toBe('1 of 3 Enabled');
  });

  it('organization mode with NEW: existing members may stay disabled; per-feature auto-enable compared', () => {
    const live = {
      members: [{ accountId: '444444444444', relationshipStatus: 'Disabled' }],
      organization: {
        autoEnable: 'NEW',
        features: [{ name: 'RUNTIME_MONITORING', autoEnable: 'NONE', additionalConfiguration: [{ name: 'EKS_ADDON_MANAGEMENT', autoEnable: 'NEW' }] }],
      },
    };
    const expected = {
      mode: 'organization' as const,
      autoEnable: 'NEW' as const,
      features: [{ name: 'RUNTIME_MONITORING', autoEnable: 'NEW' as const, additionalConfiguration: [{ name: 'EKS_ADDON_MANAGEMENT', autoEnable: 'NEW' as const }] }],
    };
    expect(notOk(checkMembers(expected, live))).toEqual([
      { check: 'members', subject: 'auto-enable RUNTIME_MONITORING', expected: 'NEW', live: 'NONE', status: 'drift' },
    ]);
  });
});

describe('checkMembers: organization features the config does not know', () => {
  it('are not drift: a new plan GuardDuty adds to the organization configuration', () => {
    const live = {
      members: [],
      organization: {
        autoEnable: 'ALL',
        features: [
          { name: 'S3_DATA_EVENTS', autoEnable: 'ALL', additionalConfiguration: [{ name: 'SOME_NEW_AGENT', autoEnable: 'NONE' }] },
          { name: 'SOME_NEW_PROTECTION_PLAN', autoEnable: 'NONE', additionalConfiguration: [] },
        ],
      },
    };
    const expected = { mode: 'organization' as const, autoEnable: 'ALL' as const, features: [{ name: 'S3_DATA_EVENTS', autoEnable: 'ALL' as const, additionalConfiguration: [] }] };
    expect(notOk(checkMembers(expected, live))).toEqual([]);
  });
});

describe('checkFilters', () => {
  it('wants every configured filter and nothing else: a hand-made ARCHIVE filter hides findings', () => {
    expect(statuses(checkFilters(['acme-nlb', 'acme-scanner'], ['acme-nlb', 'archive-everything']))).toEqual({
      'acme-nlb': 'ok',
      'acme-scanner': 'drift',
      'archive-everything': 'drift',
    });
    expect(checkFilters([], [])).toEqual([]);
  });
});
