import {
  DescribeOrganizationConfigurationCommand,
  DescribePublishingDestinationCommand,
  GetIPSetCommand,
  GetThreatIntelSetCommand,
  GuardDutyClient,
  ListFiltersCommand,
  ListDetectorsCommand,
  ListIPSetsCommand,
  ListMembersCommand,
  ListPublishingDestinationsCommand,
  ListThreatIntelSetsCommand,
} from '@aws-sdk/client-guardduty';
import { mockClient } from 'aws-sdk-client-mock';
import { findDetectorId } from '../../../src/ops/detector-id';
import { readFilterNames } from '../../../src/ops/verify/read/filters';
import { readIpSets } from '../../../src/ops/verify/read/ip-sets';
import { readMembers } from '../../../src/ops/verify/read/members';
import { readPublishingDestinations } from '../../../src/ops/verify/read/publishing-destinations';

/**
 * Every list call `verify` makes, answered in two pages where the item
 * that matters is on the second: a reader that stops at the first page
 * misses it. The paginator reuses one input object, so each answer is
 * chosen from the token the call carries as it happens.
 */
const client = new GuardDutyClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDTESTONLY', secretAccessKey: 'test-only' } });
const gd = mockClient(client);
beforeEach(() => gd.reset());
afterAll(() => gd.restore());

/** Two pages: `first` with NextToken "page-2", then `second`; records the tokens asked for. */
function twoPages<T extends object>(first: T, second: T): { answer: (input: { NextToken?: string }) => T & { NextToken?: string }; tokens: (string | undefined)[] } {
  const tokens: (string | undefined)[] = [];
  return {
    tokens,
    answer: (input) => {
      tokens.push(input.NextToken);
      return input.NextToken === 'page-2' ? second : { ...first, NextToken: 'page-2' };
    },
  };
}

describe('verify reads every page of each list', () => {
  it('ListDetectors: a detector on page 2 is found, not taken for a missing detector', async () => {
    const pages = twoPages({ DetectorIds: [] }, { DetectorIds: ['det2'] });
    gd.on(ListDetectorsCommand).callsFake(pages.answer as never);
    expect(await findDetectorId(client)).toBe('det2');
    expect(pages.tokens).toEqual([undefined, 'page-2']);
  });

  it('ListMembers: the member on page 2 is read', async () => {
    const pages = twoPages({ Members: [{ AccountId: '333333333333', RelationshipStatus: 'Enabled' }] }, { Members: [{ AccountId: '444444444444', RelationshipStatus: 'Invited' }] });
    gd.on(ListMembersCommand).callsFake(pages.answer as never);
    const live = await readMembers(client, 'det', 'invitation');
    expect(live.members).toEqual([
      { accountId: '333333333333', relationshipStatus: 'Enabled' },
      { accountId: '444444444444', relationshipStatus: 'Invited' },
    ]);
    expect(pages.tokens).toEqual([undefined, 'page-2']);
  });

  it('DescribeOrganizationConfiguration: a feature on page 2 is read', async () => {
    gd.on(ListMembersCommand).resolves({ Members: [] });
    const pages = twoPages(
      { AutoEnableOrganizationMembers: 'ALL', Features: [{ Name: 'S3_DATA_EVENTS', AutoEnable: 'ALL' }] },
      { AutoEnableOrganizationMembers: 'ALL', Features: [{ Name: 'RUNTIME_MONITORING', AutoEnable: 'NONE' }] },
    );
    gd.on(DescribeOrganizationConfigurationCommand).callsFake(pages.answer as never);
    const live = await readMembers(client, 'det', 'organization');
    expect(live.organization).toMatchObject({ features: [{ name: 'S3_DATA_EVENTS' }, { name: 'RUNTIME_MONITORING' }] });
    expect(pages.tokens).toEqual([undefined, 'page-2']);
  });

  it('ListFilters: the filter on page 2 is read', async () => {
    const pages = twoPages({ FilterNames: ['acme-other'] }, { FilterNames: ['acme-nlb-health-checks'] });
    gd.on(ListFiltersCommand).callsFake(pages.answer as never);
    expect(await readFilterNames(client, 'det')).toEqual(['acme-other', 'acme-nlb-health-checks']);
    expect(pages.tokens).toEqual([undefined, 'page-2']);
  });

  it('ListPublishingDestinations: the destination on page 2 is read and described', async () => {
    const pages = twoPages({ Destinations: [] }, { Destinations: [{ DestinationId: 'dest2', DestinationType: 'S3', Status: 'PUBLISHING' }] });
    gd.on(ListPublishingDestinationsCommand).callsFake(pages.answer as never);
    gd.on(DescribePublishingDestinationCommand, { DestinationId: 'dest2' }).resolves({
      DestinationId: 'dest2',
      DestinationType: 'S3',
      Status: 'PUBLISHING',
      DestinationProperties: { DestinationArn: 'arn:aws:s3:::acme-findings', KmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/k' },
    });
    expect(await readPublishingDestinations(client, 'det')).toEqual([
      { destinationId: 'dest2', destinationType: 'S3', status: 'PUBLISHING', destinationArn: 'arn:aws:s3:::acme-findings', kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/k' },
    ]);
    expect(pages.tokens).toEqual([undefined, 'page-2']);
  });

  it('ListIPSets: the trusted IPSet on page 2 is read', async () => {
    const pages = twoPages({ IpSetIds: [] }, { IpSetIds: ['ip2'] });
    gd.on(ListIPSetsCommand).callsFake(pages.answer as never);
    gd.on(ListThreatIntelSetsCommand).resolves({ ThreatIntelSetIds: [] });
    gd.on(GetIPSetCommand, { IpSetId: 'ip2' }).resolves({ Name: 'acme-trusted', Location: 's3://b/k', Status: 'ACTIVE', Format: 'TXT' });
    expect(await readIpSets(client, 'det')).toEqual([{ kind: 'trusted', id: 'ip2', name: 'acme-trusted', location: 's3://b/k', status: 'ACTIVE' }]);
    expect(pages.tokens).toEqual([undefined, 'page-2']);
  });

  it('ListThreatIntelSets: the ThreatIntelSet on page 2 is read', async () => {
    gd.on(ListIPSetsCommand).resolves({ IpSetIds: [] });
    const pages = twoPages({ ThreatIntelSetIds: ['t1'] }, { ThreatIntelSetIds: ['t2'] });
    gd.on(ListThreatIntelSetsCommand).callsFake(pages.answer as never);
    gd.on(GetThreatIntelSetCommand, { ThreatIntelSetId: 't1' }).resolves({ Name: 'acme-feed-1', Location: 's3://b/1', Status: 'ACTIVE', Format: 'TXT' });
    gd.on(GetThreatIntelSetCommand, { ThreatIntelSetId: 't2' }).resolves({ Name: 'acme-feed-2', Location: 's3://b/2', Status: 'ACTIVE', Format: 'TXT' });
    expect((await readIpSets(client, 'det')).map((s) => s.name)).toEqual(['acme-feed-1', 'acme-feed-2']);
    expect(pages.tokens).toEqual([undefined, 'page-2']);
  });
});
