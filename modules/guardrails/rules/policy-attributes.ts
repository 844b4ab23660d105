/** Resource types and the attribute holding their resource or trust policy. */
export const POLICY_ATTRIBUTE: Readonly<Record<string, string>> = {
  aws_s3_bucket_policy: 'policy',
  aws_sns_topic_policy: 'policy',
  aws_sqs_queue_policy: 'policy',
  aws_kms_key: 'policy',
  aws_kms_key_policy: 'policy',
  aws_cloudwatch_log_resource_policy: 'policy_document',
  aws_cloudwatch_event_bus_policy: 'policy',
  aws_iam_role: 'assume_role_policy',
};
