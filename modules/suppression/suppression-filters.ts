import { GuarddutyFilter } from '@cdktf/provider-aws/lib/guardduty-filter';
import { Construct } from 'constructs';
import type { FilterSpec } from '../../src/suppression/filters';

export interface SuppressionFiltersProps {
  readonly detectorId: string;
  /** At most 100 per detector (checked in config). */
  readonly filters: readonly (FilterSpec & { readonly filterName: string })[];
}

/** The suppression rules of one region: the same filters in every region. */
export class SuppressionFilters extends Construct {
  public readonly filters: readonly GuarddutyFilter[];

  constructor(scope: Construct, id: string, props: SuppressionFiltersProps) {
    super(scope, id);
    this.filters = props.filters.map(
      (f) =>
        new GuarddutyFilter(this, f.name, {
          detectorId: props.detectorId,
          name: f.filterName,
          description: f.description,
          action: f.action,
          rank: f.rank,
          findingCriteria: {
            criterion: f.criteria.map((c) => ({
              field: c.field,
              // jsii renames `equals` (it clashes with Object.equals); Terraform still gets `equals`.
              ...(c.equals ? { equalTo: [...c.equals] } : {}),
              ...(c.notEquals ? { notEquals: [...c.notEquals] } : {}),
              ...(c.greaterThan !== undefined ? { greaterThan: c.greaterThan } : {}),
              ...(c.greaterThanOrEqual !== undefined ? { greaterThanOrEqual: c.greaterThanOrEqual } : {}),
              ...(c.lessThan !== undefined ? { lessThan: c.lessThan } : {}),
              ...(c.lessThanOrEqual !== undefined ? { lessThanOrEqual: c.lessThanOrEqual } : {}),
            })),
          },
        }),
    );
  }
}
