import { policy } from '../../src/policy/statements';
import { renderPolicy, slot, template } from '../../src/policy/template';

const bucketPolicy = template(
  policy({ Sid: 'Read', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:GetObject', Resource: [slot('bucketArn'), `${slot('bucketArn')}/*`] }),
  'bucketArn',
);

describe('renderPolicy', () => {
  it('fills every slot, inside longer strings too, and serialises like policyJson', () => {
    const json = renderPolicy(bucketPolicy, { bucketArn: '${aws_s3_bucket.b.arn}' });
    expect(JSON.parse(json).Statement[0].Resource).toEqual(['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*']);
    expect(json).not.toContain('{{');
  });

  it('renders a plain document unchanged', () => {
    const doc = policy({ Effect: 'Allow', Action: 'events:PutEvents', Resource: 'arn:aws:events:us-east-1:111111111111:event-bus/b' });
    expect(renderPolicy(doc)).toBe(JSON.stringify(doc));
  });

  it('refuses a slot without a value', () => {
    expect(() => renderPolicy(bucketPolicy, { bucketArn: undefined })).toThrow('slot {{bucketArn}} has no value');
  });

  it('refuses a slot the policy does not declare, in the document or in the values', () => {
    const undeclared = { slots: [] as never[], document: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: slot('bucketArn') }) };
    expect(() => renderPolicy(undeclared, {})).toThrow('slot {{bucketArn}} has no value');
    const values = { bucketArn: 'arn:aws:s3:::b', keyArn: 'arn:aws:kms:us-east-1:111111111111:key/k' };
    expect(() => renderPolicy(bucketPolicy, values)).toThrow('unknown slot keyArn');
  });

  it('refuses a declared slot the document never uses', () => {
    const unused = template(policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b' }), 'bucketArn');
    expect(() => renderPolicy(unused, { bucketArn: 'arn:aws:s3:::b' })).toThrow('declared but the document never uses it');
  });
});
