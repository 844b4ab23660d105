import { isSampleFinding } from '../findings/sample-finding';

/** A GuardDuty finding as the EventBridge rule wrote it to the log group (the whole event as JSON). */
export interface FindingEvent {
  readonly findingId: string;
  readonly type: string;
  readonly region: string;
  /** The finding's updatedAt (epoch ms), when present. */
  readonly updatedAt?: number;
  readonly sample: boolean;
}

interface EventShape {
  readonly 'detail-type'?: unknown;
  readonly region?: unknown;
  readonly detail?: {
    readonly id?: unknown;
    readonly type?: unknown;
    readonly region?: unknown;
    readonly updatedAt?: unknown;
    readonly title?: unknown;
    readonly service?: { readonly additionalInfo?: unknown };
  };
}

/** Parses one log event; anything that is not a GuardDuty finding event gives undefined. */
export function parseFindingEvent(message: string | undefined): FindingEvent | undefined {
  if (!message) return undefined;
  let event: EventShape;
  try {
    event = JSON.parse(message) as EventShape;
  } catch {
    return undefined;
  }
  if (typeof event !== 'object' || event === null || event['detail-type'] !== 'GuardDuty Finding') return undefined;
  const detail = event.detail ?? {};
  if (typeof detail.type !== 'string' || typeof detail.id !== 'string') return undefined;
  const region = typeof detail.region === 'string' ? detail.region : typeof event.region === 'string' ? event.region : '';
  const updatedAt = typeof detail.updatedAt === 'string' ? Date.parse(detail.updatedAt) : NaN;
  return {
    findingId: detail.id,
    type: detail.type,
    region,
    ...(Number.isNaN(updatedAt) ? {} : { updatedAt }),
    sample: isSampleFinding({ title: typeof detail.title === 'string' ? detail.title : undefined, additionalInfo: detail.service?.additionalInfo }),
  };
}
