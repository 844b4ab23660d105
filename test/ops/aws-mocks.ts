import { AccountClient } from '@aws-sdk/client-account';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribePublishingDestinationCommand,
  type DetectorFeatureConfigurationResult,
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFiltersCommand,
  ListPublishingDestinationsCommand,
} from '@aws-sdk/client-guardduty';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import type { AwsClients } from '../../src/ops/aws-clients';

/** Never used to sign anything: every client here is mocked, but no credential chain is even looked up. */
const FAKE_CREDENTIALS = { accessKeyId: 'AKIDTESTONLY', secretAccessKey: 'test-only' };

/**
 * One mocked client per service and region, created on first use, so a
 * test sets up exactly the regions it cares about and can tell them apart.
 */
export class MockedAws {
  private readonly guarddutyStubs = new Map<string, { client: GuardDutyClient; stub: AwsClientStub<GuardDutyClient> }>();
  private readonly logsStubs = new Map<string, { client: CloudWatchLogsClient; stub: AwsClientStub<CloudWatchLogsClient> }>();
  private readonly accountStubs = new Map<string, { client: AccountClient; stub: AwsClientStub<AccountClient> }>();
  private readonly stsStubs = new Map<string, { client: STSClient; stub: AwsClientStub<STSClient> }>();
  private readonly sqsStubs = new Map<string, { client: SQSClient; stub: AwsClientStub<SQSClient> }>();
  private readonly cloudwatchStubs = new Map<string, { client: CloudWatchClient; stub: AwsClientStub<CloudWatchClient> }>();

  readonly clients: AwsClients = {
    guardduty: (region) => this.entry(this.guarddutyStubs, region, () => new GuardDutyClient({ region, credentials: FAKE_CREDENTIALS })).client,
    logs: (region) => this.entry(this.logsStubs, region, () => new CloudWatchLogsClient({ region, credentials: FAKE_CREDENTIALS })).client,
    account: (region) => this.entry(this.accountStubs, region, () => new AccountClient({ region, credentials: FAKE_CREDENTIALS })).client,
    sts: (region) => this.entry(this.stsStubs, region, () => new STSClient({ region, credentials: FAKE_CREDENTIALS })).client,
    sqs: (region) => this.entry(this.sqsStubs, region, () => new SQSClient({ region, credentials: FAKE_CREDENTIALS })).client,
    cloudwatch: (region) => this.entry(this.cloudwatchStubs, region, () => new CloudWatchClient({ region, credentials: FAKE_CREDENTIALS })).client,
  };

  guardduty(region: string): AwsClientStub<GuardDutyClient> {
    this.clients.guardduty(region);
    return this.guarddutyStubs.get(region)!.stub;
  }

  logs(region: string): AwsClientStub<CloudWatchLogsClient> {
    this.clients.logs(region);
    return this.logsStubs.get(region)!.stub;
  }

  account(region: string): AwsClientStub<AccountClient> {
    this.clients.account(region);
    return this.accountStubs.get(region)!.stub;
  }

  sts(region: string): AwsClientStub<STSClient> {
    this.clients.sts(region);
    return this.stsStubs.get(region)!.stub;
  }

  sqs(region: string): AwsClientStub<SQSClient> {
    this.clients.sqs(region);
    return this.sqsStubs.get(region)!.stub;
  }

  cloudwatch(region: string): AwsClientStub<CloudWatchClient> {
    this.clients.cloudwatch(region);
    return this.cloudwatchStubs.get(region)!.stub;
  }

  /**
   * Delivery as synth deploys it, quiet: every queue asked for exists and
   * is empty, every alarm asked for exists in OK (INSUFFICIENT_DATA for a
   * quiet rule is as good). A test overrides either with its own `.on(...)`.
   */
  quietDelivery(region: string): this {
    const account = '111111111111';
    this.sqs(region)
      .on(GetQueueUrlCommand)
      .callsFake((input: { QueueName: string }) => ({ QueueUrl: `https://sqs.${region}.amazonaws.com/${account}/${input.QueueName}` }));
    this.sqs(region).on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '0' } });
    this.cloudwatch(region)
      .on(DescribeAlarmsCommand)
      .callsFake((input: { AlarmNames?: string[] }) => ({ MetricAlarms: (input.AlarmNames ?? []).map((AlarmName) => ({ AlarmName, StateValue: 'OK', StateReason: 'Threshold Crossed: no datapoints were received' })) }));
    return this;
  }

  /** GetCallerIdentity answers `accountId` in every region. */
  callerIs(accountId: string, region = 'us-east-1'): this {
    this.sts(region).on(GetCallerIdentityCommand).resolves({ Account: accountId, Arn: `arn:aws:iam::${accountId}:role/test`, UserId: 'AROATEST' });
    return this;
  }

  /**
   * A detector in `region` with these features (every other GetDetector
   * field as synth sets it), exporting to the findings bucket synth names
   * for prefix `acme` in us-east-1, carrying no filters, and with quiet
   * dead-letter queues and alarms (`quietDelivery`), as the test configs
   * expect. A test overrides any of these with its own `.on(...)`.
   */
  detector(region: string, detector: { id?: string; status?: 'ENABLED' | 'DISABLED'; frequency?: string; features?: DetectorFeatureConfigurationResult[] } = {}): AwsClientStub<GuardDutyClient> {
    const id = detector.id ?? `det${region.replace(/-/g, '')}`;
    const stub = this.guardduty(region);
    stub.on(ListDetectorsCommand).resolves({ DetectorIds: [id] });
    stub.on(GetDetectorCommand, { DetectorId: id }).resolves({
      ServiceRole: 'arn:aws:iam::111111111111:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
      Status: detector.status ?? 'ENABLED',
      FindingPublishingFrequency: (detector.frequency ?? 'FIFTEEN_MINUTES') as 'FIFTEEN_MINUTES',
      Features: detector.features ?? [],
    });
    stub.on(ListPublishingDestinationsCommand).resolves({ Destinations: [{ DestinationId: 'dest1', DestinationType: 'S3', Status: 'PUBLISHING' }] });
    stub.on(DescribePublishingDestinationCommand).resolves({
      DestinationId: 'dest1',
      DestinationType: 'S3',
      Status: 'PUBLISHING',
      PublishingFailureStartTimestamp: 0,
      DestinationProperties: { DestinationArn: 'arn:aws:s3:::acme-gd-findings-111111111111-us-east-1', KmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/k' },
    });
    stub.on(ListFiltersCommand).resolves({ FilterNames: [] });
    this.quietDelivery(region);
    return stub;
  }

  private entry<C, S>(map: Map<string, { client: C; stub: S }>, region: string, make: () => C): { client: C; stub: S } {
    if (!map.has(region)) {
      const client = make();
      map.set(region, { client, stub: mockClient(client as never) as S });
    }
    return map.get(region)!;
  }
}

/** Live features exactly as the example config resolves them (RUNTIME_MONITORING with EC2 agent management off). */
export function liveFeaturesAsConfigured(overrides: Partial<Record<string, 'ENABLED' | 'DISABLED'>> = {}): DetectorFeatureConfigurationResult[] {
  const status = (name: string, fallback: 'ENABLED' | 'DISABLED') => overrides[name] ?? fallback;
  return [
    { Name: 'S3_DATA_EVENTS', Status: status('S3_DATA_EVENTS', 'ENABLED') },
    { Name: 'EKS_AUDIT_LOGS', Status: status('EKS_AUDIT_LOGS', 'ENABLED') },
    { Name: 'EBS_MALWARE_PROTECTION', Status: status('EBS_MALWARE_PROTECTION', 'ENABLED') },
    { Name: 'RDS_LOGIN_EVENTS', Status: status('RDS_LOGIN_EVENTS', 'ENABLED') },
    {
      Name: 'RUNTIME_MONITORING',
      Status: status('RUNTIME_MONITORING', 'ENABLED'),
      AdditionalConfiguration: [
        { Name: 'EKS_ADDON_MANAGEMENT', Status: status('EKS_ADDON_MANAGEMENT', 'ENABLED') },
        { Name: 'ECS_FARGATE_AGENT_MANAGEMENT', Status: status('ECS_FARGATE_AGENT_MANAGEMENT', 'ENABLED') },
        { Name: 'EC2_AGENT_MANAGEMENT', Status: status('EC2_AGENT_MANAGEMENT', 'DISABLED') },
      ],
    },
    { Name: 'LAMBDA_NETWORK_LOGS', Status: status('LAMBDA_NETWORK_LOGS', 'ENABLED') },
    // Unmanaged: present live, never expected, so never drift.
    { Name: 'AI_PROTECTION', Status: 'ENABLED' },
    { Name: 'CLOUD_TRAIL', Status: 'ENABLED' },
  ];
}

/** An SDK-shaped service error. */
export function awsError(name: string, message = name, attempts?: number): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400, ...(attempts ? { attempts } : {}) } });
}
