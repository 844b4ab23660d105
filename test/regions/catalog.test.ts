import {
  findRegion,
  GUARDDUTY_REGIONS,
  guardDutyServicePrincipal,
  isFeatureAvailable,
  regionProblem,
  regionsOfPartition,
  resolveRegions,
  servicePrincipal,
} from '../../src/regions';

const COMMERCIAL_OPT_IN = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
];

describe('region catalog', () => {
  it('lists the 33 commercial GuardDuty regions (GUARDDUTY-FACTS: Regions)', () => {
    expect(regionsOfPartition('aws')).toHaveLength(33);
  });

  it('marks exactly the opt-in regions as opt-in', () => {
    expect(regionsOfPartition('aws').filter((r) => r.optIn).map((r) => r.name).sort()).toEqual(COMMERCIAL_OPT_IN.sort());
  });

  it('has GovCloud and China in their own partitions', () => {
    expect(regionsOfPartition('aws-us-gov').map((r) => r.name)).toEqual(['us-gov-east-1', 'us-gov-west-1']);
    expect(regionsOfPartition('aws-cn').map((r) => r.name)).toEqual(['cn-north-1', 'cn-northwest-1']);
  });

  it('has no duplicate names', () => {
    expect(new Set(GUARDDUTY_REGIONS.map((r) => r.name)).size).toBe(GUARDDUTY_REGIONS.length);
  });

  it('explains why a name cannot be used', () => {
    expect(regionProblem('eu-west-1', 'aws')).toBeUndefined();
    expect(regionProblem('eu-west-9', 'aws')).toBe('"eu-west-9" is not a known region');
    expect(regionProblem('ap-southeast-6', 'aws')).toBe('"ap-southeast-6" is an AWS region but GuardDuty is not available there');
    expect(regionProblem('cn-north-1', 'aws')).toBe('"cn-north-1" is in partition aws-cn, not aws');
    expect(regionProblem('us-east-1', 'aws-us-gov')).toBe('"us-east-1" is in partition aws, not aws-us-gov');
  });
});

describe('resolveRegions: "every enabled region"', () => {
  it('is every default-enabled region when nothing is opted in', () => {
    const regions = resolveRegions({ include: 'all', optIn: [], exclude: [] }, 'aws');
    expect(regions).toHaveLength(17);
    expect(regions.every((r) => findRegion(r)?.optIn === false)).toBe(true);
  });

  it('adds the opt-in regions the account enabled and removes exclusions', () => {
    const regions = resolveRegions({ include: 'all', optIn: ['af-south-1', 'eu-central-2'], exclude: ['us-west-1'] }, 'aws');
    expect(regions).toHaveLength(18);
    expect(regions).toEqual(expect.arrayContaining(['af-south-1', 'eu-central-2']));
    expect(regions).not.toContain('us-west-1');
    expect(regions).not.toContain('ap-east-1');
  });

  it('is all 33 when every opt-in region is enabled', () => {
    expect(resolveRegions({ include: 'all', optIn: COMMERCIAL_OPT_IN, exclude: [] }, 'aws')).toHaveLength(33);
  });

  it('keeps an explicit list in catalog order, so synth output does not depend on list order', () => {
    expect(resolveRegions({ include: ['eu-west-1', 'us-east-1'], optIn: [], exclude: [] }, 'aws')).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('means the partition\'s own regions in GovCloud and China', () => {
    expect(resolveRegions({ include: 'all', optIn: [], exclude: [] }, 'aws-us-gov')).toEqual(['us-gov-east-1', 'us-gov-west-1']);
    expect(resolveRegions({ include: 'all', optIn: [], exclude: ['cn-north-1'] }, 'aws-cn')).toEqual(['cn-northwest-1']);
  });
});

describe('service principals', () => {
  it('uses the regional GuardDuty principal in opt-in regions only', () => {
    expect(guardDutyServicePrincipal('us-east-1')).toBe('guardduty.amazonaws.com');
    expect(guardDutyServicePrincipal('af-south-1')).toBe('guardduty.af-south-1.amazonaws.com');
    expect(guardDutyServicePrincipal('cn-north-1')).toBe('guardduty.amazonaws.com');
    expect(() => guardDutyServicePrincipal('xx-east-1')).toThrow(/unknown region/);
  });

  it('builds service principals per partition', () => {
    expect(servicePrincipal('events', 'aws')).toBe('events.amazonaws.com');
    expect(servicePrincipal('events', 'aws-cn')).toBe('events.amazonaws.com');
  });
});

describe('feature availability', () => {
  it('knows RDS Protection is not offered in ap-east-2 (GuardDuty user guide)', () => {
    expect(isFeatureAvailable('RDS_LOGIN_EVENTS', 'ap-east-2')).toBe(false);
    expect(isFeatureAvailable('RDS_LOGIN_EVENTS', 'us-east-1')).toBe(true);
    expect(isFeatureAvailable('S3_DATA_EVENTS', 'ap-east-2')).toBe(true);
  });
});
