import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTerraformJson, formatProblem, type TerraformJsonProblem } from './terraform-json-check';
import { providerTypes } from './provider-types';
import { terraformOnPath, terraformProviders } from './terraform-providers';

const FIXTURES = join(__dirname, 'fixtures');
const terraform = terraformOnPath();
const withTerraform = terraform ? it : it.skip;
if (!terraform) console.info('terraform is not on PATH: the `terraform providers` fixture tests are skipped');

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name, 'cdk.tf.json'), 'utf8'));
}

/** The smallest stack around `resources`, for rules no fixture file needs to show. */
function stack(body: Record<string, unknown>): unknown {
  return {
    terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } } },
    provider: { aws: [{ region: 'us-east-1' }] },
    ...body,
  };
}

const problem = (rule: TerraformJsonProblem['rule'], path: string, message: string): TerraformJsonProblem => ({
  rule,
  path,
  message: expect.stringContaining(message) as unknown as string,
});

describe('checkTerraformJson on the fixtures', () => {
  it('finds nothing in the good fixture (for_each, count, dynamic, for, depends_on, replace_triggered_by, import, provider alias, $${ escape)', async () => {
    expect((await checkTerraformJson(fixture('good'))).map(formatProblem)).toEqual([]);
  });

  it.each<[string, TerraformJsonProblem[]]>([
    ['template-syntax', [problem('template-syntax', 'resource.aws_guardduty_filter.unclosed.detector_id', 'Expected a closing brace')]],
    [
      'interpolated-replace-triggered-by',
      [problem('bare-expression', 'resource.aws_guardduty_ipset.trusted.lifecycle.replace_triggered_by[0]', 'write "terraform_data.list_version"')],
    ],
    ['interpolated-depends-on', [problem('bare-expression', 'resource.aws_guardduty_detector_feature.s3.depends_on[0]', 'write "aws_guardduty_detector.detector"')]],
    ['undeclared-resource', [problem('reference', 'resource.aws_guardduty_detector_feature.s3.detector_id', 'aws_guardduty_detector.primary is not declared')]],
    [
      'undeclared-local-var-data',
      [
        problem('reference', 'resource.aws_guardduty_detector.detector.finding_publishing_frequency', 'local value frequency is not declared'),
        problem('reference', 'resource.aws_guardduty_detector.detector.tags.owner', 'variable owner is not declared'),
        problem('reference', 'resource.aws_guardduty_detector.detector.tags.account', 'data.aws_caller_identity.current is not declared'),
      ],
    ],
    ['each-without-for-each', [problem('iteration-variable', 'resource.aws_guardduty_detector_feature.plan.name', 'each.* exists only in')]],
    ['count-without-count', [problem('iteration-variable', 'resource.aws_guardduty_filter.numbered.name', 'count.* exists only in')]],
    ['unknown-resource-type', [problem('resource-type', 'resource.aws_guardduty_detectr', 'did you mean aws_guardduty_detector?')]],
  ])('%s: reports exactly the planted problem', async (name, expected) => {
    expect(await checkTerraformJson(fixture(name))).toEqual(expected);
  });
});

describe('checkTerraformJson rules beyond the fixtures', () => {
  it('reads strings as Terraform templates: quotes and backslashes are text, a line equal to the heredoc marker is too', async () => {
    const doc = stack({
      resource: {
        aws_guardduty_detector: { d: { enable: true } },
        aws_guardduty_filter: {
          f: {
            detector_id: '${aws_guardduty_detector.d.id}',
            description: 'say "${aws_guardduty_detector.d.id}" \\n\nEND_OF_TERRAFORM_JSON_STRING\n${upper("x")}',
          },
        },
      },
    });
    expect(await checkTerraformJson(doc)).toEqual([]);
  });

  it('wants an instance key on a for_each/count resource and none on a single one', async () => {
    const doc = stack({
      resource: {
        aws_sns_topic: { many: { for_each: '${toset(["a"])}', name: '${each.key}' }, one: { name: 'one' } },
        aws_sns_topic_policy: {
          p: { arn: '${aws_sns_topic.many.arn}', policy: '${aws_sns_topic.one["a"].arn}' },
          q: { arn: '${aws_sns_topic.many["a"].arn}', policy: '${jsonencode(aws_sns_topic.many)}' },
        },
      },
    });
    expect(await checkTerraformJson(doc)).toEqual([
      problem('reference', 'resource.aws_sns_topic_policy.p.arn', 'aws_sns_topic.many has for_each: name an instance'),
      problem('reference', 'resource.aws_sns_topic_policy.p.policy', 'aws_sns_topic.one has neither count nor for_each'),
    ]);
  });

  it('reads import "to", provider and ignore_changes as bare expressions, and resolves them', async () => {
    const doc = stack({
      resource: {
        aws_guardduty_detector: {
          d: { enable: true, provider: '${aws.west}', lifecycle: { ignore_changes: ['${tags}'] } },
          e: { enable: true, provider: 'aws.east' },
        },
      },
      import: [
        { id: 'x', to: '${aws_guardduty_detector.d}' },
        { id: 'y', to: 'aws_guardduty_detector.missing' },
      ],
    });
    expect(await checkTerraformJson(doc)).toEqual([
      problem('bare-expression', 'resource.aws_guardduty_detector.d.provider', 'write "aws.west"'),
      problem('bare-expression', 'resource.aws_guardduty_detector.d.lifecycle.ignore_changes[0]', 'write "tags"'),
      problem('reference', 'resource.aws_guardduty_detector.e.provider', 'provider configuration aws.east is not declared'),
      problem('bare-expression', 'import[0].to', 'an import block\'s "to"'),
      problem('reference', 'import[1].to', 'aws_guardduty_detector.missing is not declared'),
    ]);
  });

  it('reads module providers and moved addresses as bare expressions too', async () => {
    const doc = stack({
      module: { lists: { source: './lists', providers: { aws: '${aws}' } } },
      resource: { aws_sns_topic: { renamed: { name: 'n' } } },
      moved: [{ from: 'aws_sns_topic.old', to: '${aws_sns_topic.renamed}' }],
      output: { topic: { value: '${module.lists.arn}', depends_on: ['module.lists', 'module.gone'] } },
    });
    expect(await checkTerraformJson(doc)).toEqual([
      problem('bare-expression', 'module.lists.providers.aws', 'write "aws"'),
      problem('bare-expression', 'moved[0].to', 'write "aws_sns_topic.renamed"'),
      problem('reference', 'output.topic.depends_on[1]', 'module gone is not declared'),
    ]);
  });

  it('allows only each.key in replace_triggered_by, and only resources', async () => {
    const doc = stack({
      locals: { n: 1 },
      resource: {
        terraform_data: { v: { for_each: '${toset(["a"])}', input: '${each.value}' } },
        aws_guardduty_detector: {
          d: { for_each: '${toset(["a"])}', enable: true, lifecycle: { replace_triggered_by: ['terraform_data.v[each.key]', 'terraform_data.v[each.value]', 'local.n'] } },
        },
      },
    });
    expect(await checkTerraformJson(doc)).toEqual([
      problem('iteration-variable', 'resource.aws_guardduty_detector.d.lifecycle.replace_triggered_by[1]', 'replace_triggered_by allows each.key only'),
      problem('reference', 'resource.aws_guardduty_detector.d.lifecycle.replace_triggered_by[2]', 'managed resources only'),
    ]);
  });

  it('keeps a dynamic block iterator inside its content', async () => {
    const doc = stack({
      resource: {
        aws_guardduty_detector: { d: { enable: true } },
        aws_guardduty_detector_feature: {
          f: {
            detector_id: '${aws_guardduty_detector.d.id}',
            name: '${setting.value}',
            dynamic: { additional_configuration: { for_each: '${["A"]}', iterator: 'setting', content: { name: '${setting.value}' } } },
          },
        },
      },
    });
    expect(await checkTerraformJson(doc)).toEqual([problem('reference', 'resource.aws_guardduty_detector_feature.f.name', 'setting.value is not declared')]);
  });
});

describe('providerTypes', () => {
  it('reads resource and data source types from the AWS bindings, plus the built-ins', () => {
    const { managed, data } = providerTypes();
    expect(managed.size).toBeGreaterThan(1500);
    expect(data.size).toBeGreaterThan(600);
    expect(managed).toContain('aws_guardduty_detector');
    expect(managed).toContain('terraform_data');
    expect(managed).not.toContain('aws_caller_identity'); // a data source only
    expect(data).toContain('aws_caller_identity');
    expect(data).toContain('aws_guardduty_detector');
    expect(data).toContain('terraform_remote_state');
  });
});

describe('terraform providers on the fixtures', () => {
  withTerraform('loads the good fixture', async () => {
    const result = await terraformProviders(join(FIXTURES, 'good'), terraform);
    expect(result.stderr).toBe('');
    expect(result.ok).toBe(true);
  });

  withTerraform.each([
    ['interpolated-replace-triggered-by', 'Invalid character'],
    ['interpolated-depends-on', 'A single static variable reference is required'],
  ])('rejects %s too ("%s")', async (name, diagnostic) => {
    const result = await terraformProviders(join(FIXTURES, name), terraform);
    expect(result.ok).toBe(false);
    expect(result.stderr).toContain(diagnostic);
  });
});
