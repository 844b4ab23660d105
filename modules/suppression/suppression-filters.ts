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
    // One at a time, in rank order: GuardDuty rejects rank n while rank n-1 does not exist yet.
    const filters: GuarddutyFilter[] = [];
    for (const f of [...props.filters].sort((a, b) => a.rank - b.rank)) {
      const previous = filters[filters.length - 1];
      filters.push(
        new GuarddutyFilter(this, f.name, {
          ...(previous ? { dependsOn: [previous] } : {}),
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
    this.filters = filters;
  }
}
