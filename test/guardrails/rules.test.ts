import { Fn } from 'cdktf';
import { evaluateGuardrails } from '../../modules/guardrails/evaluate';
import type { GuardrailRule, SynthesizedResource } from '../../modules/guardrails/model';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import {
  EventTargetDeadLetter,
  SqsQueueEncrypted,
  NoPublicPrincipal,
  FirehoseEncrypted,
  GUARDRAIL_RULES,
  LogGroupRetention,
  SnsTopicEncrypted,
  IamNoAdminWildcard,
  KmsKeyRotation,
  S3BucketEncrypted,
  S3BucketPublicAccessBlocked,
  S3BucketTlsOnly,
  ServicePrincipalSourceAccount,
} from '../../modules/guardrails/rules';
import { policyJson } from '../../src/policy/document';
import {
  compliantBucket,
  IamRole,
  IamRolePolicy,
  KmsKey,
  S3Bucket,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  SnsTopicPolicy,
  stackOf,
  TLS_ONLY,
} from './fixtures';

/** The messages `rule` gives each resource it applies to in the stack. */
function problems(rule: GuardrailRule, build: Parameters<typeof stackOf>[0]): string[] {
  return evaluateGuardrails(stackOf(build).resources, [rule]).map((v) => `${v.path}: ${v.message}`);
}

describe('guardrail catalogue', () => {
  it('has unique, stable rule ids', () => {
    expect(GUARDRAIL_RULES.map((r) => r.id)).toEqual(['GD-S3-1', 'GD-S3-2', 'GD-S3-3', 'GD-IAM-1', 'GD-IAM-2', 'GD-IAM-3', 'GD-KMS-1', 'GD-SNS-1', 'GD-LOG-1', 'GD-FH-1', 'GD-EB-1', 'GD-SQS-1']);
  });
});

describe('GD-S3-1 S3BucketPublicAccessBlocked', () => {
  it('Noncompliance 1: bucket without a public access block', () => {
    expect(problems(S3BucketPublicAccessBlocked, (s) => new S3Bucket(s, 'Bucket', { bucket: 'acme-b' }))).toEqual([
      'test/Bucket: bucket has no aws_s3_bucket_public_access_block',
    ]);
  });
  it('Noncompliance 2: a block that leaves settings off', () => {
    expect(
      problems(S3BucketPublicAccessBlocked, (s) => {
        const b = new S3Bucket(s, 'Bucket', { bucket: 'acme-b' });
        new S3BucketPublicAccessBlock(s, 'Pab', { bucket: b.id, blockPublicAcls: true, blockPublicPolicy: true });
      }),
    ).toEqual(['test/Bucket: public access block leaves ignore_public_acls, restrict_public_buckets off']);
  });
  it('Compliance: all four on, by reference or by literal name', () => {
    expect(problems(S3BucketPublicAccessBlocked, (s) => compliantBucket(s))).toEqual([]);
    expect(
      problems(S3BucketPublicAccessBlocked, (s) => {
        new S3Bucket(s, 'Bucket', { bucket: 'acme-b' });
        new S3BucketPublicAccessBlock(s, 'Pab', { bucket: 'acme-b', blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
      }),
    ).toEqual([]);
  });
  it('a block for another bucket does not count', () => {
    expect(
      problems(S3BucketPublicAccessBlocked, (s) => {
        compliantBucket(s, 'Good');
        new S3Bucket(s, 'Other', { bucket: 'acme-other' });
      }),
    ).toEqual(['test/Other: bucket has no aws_s3_bucket_public_access_block']);
  });
});

describe('GD-S3-2 S3BucketEncrypted', () => {
  it('Noncompliance: bucket without default encryption', () => {
    expect(problems(S3BucketEncrypted, (s) => new S3Bucket(s, 'Bucket', { bucket: 'acme-b' }))).toEqual([
      'test/Bucket: bucket has no aws_s3_bucket_server_side_encryption_configuration',
    ]);
  });
  it('Compliance', () => {
    expect(problems(S3BucketEncrypted, (s) => compliantBucket(s))).toEqual([]);
  });
});

describe('GD-S3-3 S3BucketTlsOnly', () => {
  it('Noncompliance 1: no bucket policy', () => {
    expect(problems(S3BucketTlsOnly, (s) => new S3Bucket(s, 'Bucket', { bucket: 'acme-b' }))).toEqual([
      'test/Bucket: bucket has no bucket policy denying non-TLS requests',
    ]);
  });
  it('Noncompliance 2: a policy without the TLS deny', () => {
    expect(
      problems(S3BucketTlsOnly, (s) => {
        const b = new S3Bucket(s, 'Bucket', { bucket: 'acme-b' });
        const allow = { Effect: 'Allow' as const, Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:GetObject', Resource: `${b.arn}/*` };
        new S3BucketPolicy(s, 'Policy', { bucket: b.id, policy: policyJson({ Version: '2012-10-17', Statement: [allow] }) });
      }),
    ).toEqual(['test/Bucket: bucket policy does not deny requests where aws:SecureTransport is false']);
  });
  it('Noncompliance 3: a policy guardrails cannot read', () => {
    expect(
      problems(S3BucketTlsOnly, (s) => {
        const b = new S3Bucket(s, 'Bucket', { bucket: 'acme-b' });
        new S3BucketPolicy(s, 'Policy', { bucket: b.id, policy: Fn.jsonencode({ Statement: [] }) });
      }),
    ).toEqual(['test/Bucket: bucket policy is not a plain JSON document, so it cannot be checked (build it with policyJson)']);
  });
  it('Compliance', () => {
    expect(problems(S3BucketTlsOnly, (s) => compliantBucket(s))).toEqual([]);
  });
});

describe('GD-IAM-1 IamNoAdminWildcard', () => {
  const adminPolicy = policyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  it('Noncompliance 1: role policy allowing * on *', () => {
    expect(
      problems(IamNoAdminWildcard, (s) => {
        const role = new IamRole(s, 'Role', { name: 'r', assumeRolePolicy: '{}' });
        new IamRolePolicy(s, 'Policy', { role: role.name, policy: adminPolicy });
      }),
    ).toEqual(['test/Policy: Statement[0] allows Action "*" on Resource "*"']);
  });
  it('Noncompliance 2: inline policy on the role', () => {
    expect(problems(IamNoAdminWildcard, (s) => new IamRole(s, 'Role', { name: 'r', assumeRolePolicy: '{}', inlinePolicy: [{ name: 'p', policy: adminPolicy }] }))).toEqual([
      'test/Role: Statement[0] allows Action "*" on Resource "*"',
    ]);
  });
  const rolePolicy = (statement: Record<string, unknown>) =>
    problems(IamNoAdminWildcard, (s) => new IamRole(s, 'Role', { name: 'r', assumeRolePolicy: '{}', inlinePolicy: [{ name: 'p', policy: policyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...statement }] }) }] }));
  it('Noncompliance 3: Allow by NotAction grants everything else, actions AWS adds later included', () => {
    expect(rolePolicy({ NotAction: 'iam:*', Resource: '*' })).toEqual(['test/Role: Statement[0] allows every action but iam:* (NotAction)']);
  });
  it('Noncompliance 4: iam:PassRole (or a pattern granting it) on Resource "*"', () => {
    for (const action of ['iam:PassRole', 'iam:Pass*', 'iam:*']) {
      expect(rolePolicy({ Action: ['guardduty:GetFindings', action], Resource: '*' })).toEqual(['test/Role: Statement[0] allows iam:PassRole on Resource "*" (name the roles)']);
    }
    expect(rolePolicy({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::111111111111:role/acme-guardduty-forwarder' })).toEqual([]);
  });
  it('Compliance: scoped actions, and Deny statements', () => {
    const scoped = policyJson({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'events:PutEvents', Resource: 'arn:aws:events:us-east-1:111111111111:event-bus/acme' },
        { Effect: 'Allow', Action: 'guardduty:ListDetectors', Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ],
    });
    expect(
      problems(IamNoAdminWildcard, (s) => {
        const role = new IamRole(s, 'Role', { name: 'r', assumeRolePolicy: '{}' });
        new IamRolePolicy(s, 'Policy', { role: role.name, policy: scoped });
      }),
    ).toEqual([]);
  });
});

describe('GD-IAM-2 ServicePrincipalSourceAccount', () => {
  const topicPolicy = (condition?: Record<string, Record<string, string>>) =>
    policyJson({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: 'arn:aws:sns:us-east-1:111111111111:t', ...(condition ? { Condition: condition } : {}) },
      ],
    });
  it('Noncompliance 1: a topic policy for a service without aws:SourceAccount', () => {
    expect(problems(ServicePrincipalSourceAccount, (s) => new SnsTopicPolicy(s, 'TopicPolicy', { arn: 'arn:aws:sns:us-east-1:111111111111:t', policy: topicPolicy() }))).toEqual([
      'test/TopicPolicy: Statement[0] allows events.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition',
    ]);
  });
  it('Noncompliance 2: a trust policy for a service without aws:SourceAccount', () => {
    const trust = policyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    expect(problems(ServicePrincipalSourceAccount, (s) => new IamRole(s, 'Role', { name: 'r', assumeRolePolicy: trust }))).toEqual([
      'test/Role: Statement[0] allows events.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition',
    ]);
  });
  it('Compliance: aws:SourceAccount (any case), account principals, Deny statements', () => {
    expect(
      problems(ServicePrincipalSourceAccount, (s) => new SnsTopicPolicy(s, 'TopicPolicy', { arn: 'arn:aws:sns:us-east-1:111111111111:t', policy: topicPolicy({ StringEquals: { 'AWS:SourceAccount': '111111111111' } }) })),
    ).toEqual([]);
    const keyPolicy = policyJson({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' },
        { Effect: 'Deny', Principal: { Service: 'guardduty.amazonaws.com' }, Action: 'kms:Decrypt', Resource: '*' },
      ],
    });
    expect(problems(ServicePrincipalSourceAccount, (s) => new KmsKey(s, 'Key', { enableKeyRotation: true, policy: keyPolicy }))).toEqual([]);
  });
});

describe('GD-IAM-2 judges pinning by operator and value, not key name', () => {
  const topicPolicy = (condition: Record<string, Record<string, string | string[]>>) =>
    (s: Parameters<Parameters<typeof stackOf>[0]>[0]) =>
      new SnsTopicPolicy(s, 'TopicPolicy', {
        arn: 'arn:aws:sns:us-east-1:111111111111:t',
        policy: policyJson({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: 'arn:aws:sns:us-east-1:111111111111:t', Condition: condition }],
        }),
      });
  const refused = (reason: string) => [`test/TopicPolicy: Statement[0] allows events.amazonaws.com ${reason}`];

  it('Noncompliance: a negated or IfExists operator lets every other caller through', () => {
    expect(problems(ServicePrincipalSourceAccount, topicPolicy({ StringNotEquals: { 'aws:SourceAccount': '111111111111' } }))).toEqual(
      refused('aws:SourceAccount under StringNotEquals does not pin the caller (use StringEquals or ArnEquals/ArnLike)'),
    );
    expect(problems(ServicePrincipalSourceAccount, topicPolicy({ StringEqualsIfExists: { 'aws:SourceAccount': '111111111111' } }))).toHaveLength(1);
  });
  it('Noncompliance: another account, a wildcard account in the ARN, or any value', () => {
    expect(problems(ServicePrincipalSourceAccount, topicPolicy({ StringEquals: { 'aws:SourceAccount': '999999999999' } }))).toEqual(
      refused("aws:SourceAccount 999999999999 is not this stack's account (111111111111)"),
    );
    expect(problems(ServicePrincipalSourceAccount, topicPolicy({ ArnLike: { 'aws:SourceArn': 'arn:aws:events:us-east-1:*:rule/x' } }))).toEqual(
      refused("aws:SourceArn arn:aws:events:us-east-1:*:rule/x is not in this stack's account (111111111111)"),
    );
    expect(problems(ServicePrincipalSourceAccount, topicPolicy({ StringLike: { 'aws:SourceAccount': '*' } }))).toEqual(refused('aws:SourceAccount matches any value'));
  });
  it('Compliance: the stack\'s own account, its ARNs, a reference to its own resource', () => {
    expect(problems(ServicePrincipalSourceAccount, topicPolicy({ StringEquals: { 'aws:SourceAccount': '111111111111' } }))).toEqual([]);
    expect(problems(ServicePrincipalSourceAccount, topicPolicy({ ArnLike: { 'aws:SourceArn': 'arn:aws:events:*:111111111111:rule/x' } }))).toEqual([]);
    expect(problems(ServicePrincipalSourceAccount, topicPolicy({ ArnEquals: { 'aws:SourceArn': '${aws_cloudwatch_event_rule.Rule.arn}' } }))).toEqual([]);
  });
});

describe('GD-IAM-2 and the key of EventBridge-fed SNS topics', () => {
  const topic = 'arn:aws:sns:us-east-1:111111111111:acme-guardduty-high';
  const key = (statement: Record<string, unknown>) =>
    policyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: ['kms:GenerateDataKey*', 'kms:Decrypt'], Resource: '*', ...statement }] });
  const check = (policy: string) => problems(ServicePrincipalSourceAccount, (s) => new KmsKey(s, 'Key', { enableKeyRotation: true, policy }));
  const refused = ['test/Key: Statement[0] allows events.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition'];

  it('Compliance: pinned to exact topic ARNs by the SNS encryption context (SNS supports no source conditions there)', () => {
    expect(check(key({ Condition: { StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': [topic] } } }))).toEqual([]);
  });
  it('Noncompliance: no condition, a wildcard topic, another operator, or more actions', () => {
    expect(check(key({}))).toEqual(refused);
    expect(check(key({ Condition: { StringLike: { 'kms:EncryptionContext:aws:sns:topicArn': [topic] } } }))).toEqual(refused);
    expect(check(key({ Condition: { StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': ['arn:aws:sns:us-east-1:111111111111:*'] } } }))).toEqual(refused);
    expect(check(key({ Action: 'kms:*', Condition: { StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': [topic] } } }))).toEqual(refused);
  });
});

describe('GD-IAM-3 NoPublicPrincipal', () => {
  const bucketPolicy = (statement: Record<string, unknown>) =>
    problems(NoPublicPrincipal, (s) =>
      new S3BucketPolicy(s, 'Policy', { bucket: 'b', policy: policyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...statement }] }) }),
    );
  const refused = ['test/Policy: Statement[0] allows every AWS principal (Principal "*" or NotPrincipal): name the accounts or roles'];
  it('Noncompliance: Principal "*", AWS "*", NotPrincipal — conditions or not', () => {
    expect(bucketPolicy({ Principal: '*' })).toEqual(refused);
    expect(bucketPolicy({ Principal: { AWS: ['arn:aws:iam::111111111111:root', '*'] }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } })).toEqual(refused);
    expect(bucketPolicy({ NotPrincipal: { AWS: 'arn:aws:iam::111111111111:root' } })).toEqual(refused);
  });
  it('Compliance: named principals, and Deny statements naming everyone (TLS only)', () => {
    expect(bucketPolicy({ Principal: { AWS: 'arn:aws:iam::111111111111:role/reader' } })).toEqual([]);
    expect(bucketPolicy({ Effect: 'Deny', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })).toEqual([]);
  });
});

describe('GD-KMS-1 KmsKeyRotation', () => {
  it('Noncompliance: symmetric key without rotation', () => {
    expect(problems(KmsKeyRotation, (s) => new KmsKey(s, 'Key', {}))).toEqual(['test/Key: key rotation is off (set enable_key_rotation)']);
  });
  it('Compliance: rotation on; asymmetric keys cannot rotate', () => {
    expect(problems(KmsKeyRotation, (s) => new KmsKey(s, 'Key', { enableKeyRotation: true }))).toEqual([]);
    expect(problems(KmsKeyRotation, (s) => new KmsKey(s, 'Key', { customerMasterKeySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' }))).toEqual([]);
  });
});

describe('GD-IAM-2 pinning keys and the log-stream exception', () => {
  const statement = (extra: Record<string, unknown>) =>
    policyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'logs:PutLogEvents', Resource: 'arn:aws:logs:us-east-1:1:log-group:g:*', ...extra }] });
  const logPolicy = (doc: string) => (s: Parameters<Parameters<typeof stackOf>[0]>[0]) => new CloudwatchLogResourcePolicy(s, 'LogPolicy', { policyName: 'p', policyDocument: doc });

  it('accepts aws:SourceArn and sts:ExternalId as pinning the caller', () => {
    expect(problems(ServicePrincipalSourceAccount, logPolicy(statement({ Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:events:us-east-1:111111111111:rule/r' } } })))).toEqual([]);
    const trust = policyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'firehose.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': '1' } } }] });
    expect(problems(ServicePrincipalSourceAccount, (s) => new IamRole(s, 'Role', { name: 'r', assumeRolePolicy: trust }))).toEqual([]);
  });

  it('lets a log resource policy grant logs:CreateLogStream alone without a condition, and nothing else', () => {
    const create = policyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'logs:CreateLogStream', Resource: 'arn:aws:logs:us-east-1:1:log-group:g:*' }] });
    expect(problems(ServicePrincipalSourceAccount, logPolicy(create))).toEqual([]);
    expect(problems(ServicePrincipalSourceAccount, logPolicy(statement({})))).toEqual([
      'test/LogPolicy: Statement[0] allows events.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition',
    ]);
  });
});

describe('GD-IAM-2 on Lambda permissions', () => {
  const permission = (extra: Record<string, string>) => (s: Parameters<Parameters<typeof stackOf>[0]>[0]) =>
    new LambdaPermission(s, 'Invoke', { functionName: 'f', action: 'lambda:InvokeFunction', principal: 'sns.amazonaws.com', ...extra });
  it('Noncompliance: a service may invoke without source_account', () => {
    expect(problems(ServicePrincipalSourceAccount, permission({ sourceArn: 'arn:aws:sns:us-east-1:111111111111:t' }))).toEqual([
      'test/Invoke: allows sns.amazonaws.com without source_account',
    ]);
  });
  it('Compliance', () => {
    expect(problems(ServicePrincipalSourceAccount, permission({ sourceAccount: '111111111111' }))).toEqual([]);
  });
});

describe('GD-SNS-1 SnsTopicEncrypted', () => {
  it('Noncompliance: topic without a key', () => {
    expect(problems(SnsTopicEncrypted, (s) => new SnsTopic(s, 'Topic', { name: 't' }))).toEqual(['test/Topic: topic is not encrypted (set kms_master_key_id)']);
  });
  it('Noncompliance: the AWS managed key, which EventBridge cannot use (every alert dropped)', () => {
    for (const key of ['alias/aws/sns', 'arn:aws:kms:us-east-1:111111111111:alias/aws/sns']) {
      expect(problems(SnsTopicEncrypted, (s) => new SnsTopic(s, 'Topic', { name: 't', kmsMasterKeyId: key }))).toEqual([
        'test/Topic: topic uses the AWS managed key alias/aws/sns, whose policy cannot let EventBridge publish: use a customer managed key',
      ]);
    }
  });
  it('Noncompliance: an https subscription to an http:// endpoint, or plain http', () => {
    const subscription = (protocol: string, endpoint: string) => (s: Parameters<Parameters<typeof stackOf>[0]>[0]) =>
      new SnsTopicSubscription(s, 'Subscription', { topicArn: 'arn:aws:sns:us-east-1:111111111111:t', protocol, endpoint });
    expect(problems(SnsTopicEncrypted, subscription('https', 'http://hooks.example.com/x'))).toEqual([
      'test/Subscription: https subscription to http://hooks.example.com/x, which is not an https:// URL',
    ]);
    expect(problems(SnsTopicEncrypted, subscription('http', 'http://hooks.example.com/x'))).toEqual(['test/Subscription: subscription delivers over plain http (use https)']);
    expect(problems(SnsTopicEncrypted, subscription('https', 'https://hooks.example.com/x'))).toEqual([]);
  });
  it('Compliance', () => {
    expect(problems(SnsTopicEncrypted, (s) => new SnsTopic(s, 'Topic', { name: 't', kmsMasterKeyId: 'alias/x' }))).toEqual([]);
  });
});

describe('GD-LOG-1 LogGroupRetention', () => {
  it('Noncompliance: log group kept forever', () => {
    expect(problems(LogGroupRetention, (s) => new CloudwatchLogGroup(s, 'Group', { name: 'g' }))).toEqual(['test/Group: log group keeps events forever (set retention_in_days)']);
  });
  it('Compliance', () => {
    expect(problems(LogGroupRetention, (s) => new CloudwatchLogGroup(s, 'Group', { name: 'g', retentionInDays: 365 }))).toEqual([]);
  });
});

describe('GD-FH-1 FirehoseEncrypted', () => {
  const stream = (sse: boolean) => (s: Parameters<Parameters<typeof stackOf>[0]>[0]) =>
    new KinesisFirehoseDeliveryStream(s, 'Stream', {
      name: 'x',
      destination: 'extended_s3',
      extendedS3Configuration: { roleArn: 'arn:aws:iam::111111111111:role/r', bucketArn: 'arn:aws:s3:::b' },
      ...(sse ? { serverSideEncryption: { enabled: true } } : {}),
    });
  it('Noncompliance: unencrypted stream', () => {
    expect(problems(FirehoseEncrypted, stream(false))).toEqual(['test/Stream: stream is not encrypted (server_side_encryption.enabled)']);
  });
  it('Compliance', () => {
    expect(problems(FirehoseEncrypted, stream(true))).toEqual([]);
  });
});

describe('evaluateGuardrails', () => {
  it('turns a rule that throws into a violation instead of a crash', () => {
    const broken: GuardrailRule = {
      id: 'GD-TEST-1',
      description: 'throws',
      appliesTo: ['aws_s3_bucket'],
      check(_r: SynthesizedResource) {
        throw new Error('boom');
      },
    };
    expect(problems(broken, (s) => new S3Bucket(s, 'Bucket', {}))).toEqual(['test/Bucket: rule failed to evaluate: boom']);
  });

  it('passes a stack of compliant resources under every rule', () => {
    const { resources } = stackOf((s) => {
      const b = compliantBucket(s);
      new S3BucketPolicy(s, 'Extra', { bucket: b.id, policy: policyJson({ Version: '2012-10-17', Statement: [TLS_ONLY(b.arn)] }) });
      new KmsKey(s, 'Key', { enableKeyRotation: true });
    });
    expect(evaluateGuardrails(resources)).toEqual([]);
  });
});

describe('GD-EB-1 EventTargetDeadLetter', () => {
  const target = (extra: Partial<ConstructorParameters<typeof CloudwatchEventTarget>[2]>) => (s: Parameters<Parameters<typeof stackOf>[0]>[0]) =>
    new CloudwatchEventTarget(s, 'Target', { rule: 'r', arn: 'arn:aws:sns:us-east-1:111111111111:t', ...extra });
  it('Noncompliance: a target without dead-letter queue or retry policy', () => {
    expect(problems(EventTargetDeadLetter, target({}))).toEqual([
      'test/Target: target has no dead_letter_config: a failed delivery is dropped silently',
      'test/Target: target has no retry_policy (maximum_event_age_in_seconds and maximum_retry_attempts)',
    ]);
  });
  it('Compliance', () => {
    expect(
      problems(
        EventTargetDeadLetter,
        target({ deadLetterConfig: { arn: 'arn:aws:sqs:us-east-1:111111111111:q' }, retryPolicy: { maximumEventAgeInSeconds: 86400, maximumRetryAttempts: 185 } }),
      ),
    ).toEqual([]);
  });
});

describe('GD-SQS-1 SqsQueueEncrypted', () => {
  it('Noncompliance: unencrypted queue', () => {
    expect(problems(SqsQueueEncrypted, (s) => new SqsQueue(s, 'Queue', { name: 'q' }))).toEqual(['test/Queue: queue is not encrypted (set sqs_managed_sse_enabled or kms_master_key_id)']);
  });
  it('Compliance', () => {
    expect(problems(SqsQueueEncrypted, (s) => new SqsQueue(s, 'Queue', { name: 'q', sqsManagedSseEnabled: true }))).toEqual([]);
  });
});
