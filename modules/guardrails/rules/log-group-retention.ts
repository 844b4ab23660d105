import type { GuardrailRule } from '../model';

/** A log group without retention keeps findings (and bills) forever. */
export const LogGroupRetention: GuardrailRule = {
  id: 'GD-LOG-1',
  description: 'Every CloudWatch Logs group has retention_in_days set.',
  appliesTo: ['aws_cloudwatch_log_group'],
  check(group) {
    const days = group.attributes.retention_in_days;
    return typeof days === 'number' && days > 0 ? [] : ['log group keeps events forever (set retention_in_days)'];
  },
};
