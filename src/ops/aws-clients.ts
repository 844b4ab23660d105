import { AccountClient } from '@aws-sdk/client-account';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';

/**
 * The SDK clients the operations CLI talks to, one per service and region.
 * Commands receive this factory rather than building clients, so tests
 * hand in clients mocked with aws-sdk-client-mock.
 */
export interface AwsClients {
  guardduty(region: string): GuardDutyClient;
  /** Account Management API (ListRegions). */
  account(region: string): AccountClient;
  logs(region: string): CloudWatchLogsClient;
  sts(region: string): STSClient;
  /** The dead-letter queues (verify). */
  sqs(region: string): SQSClient;
  /** The delivery alarms (verify). */
  cloudwatch(region: string): CloudWatchClient;
}

export interface CredentialOptions {
  /** Named profile of the shared config files; default: the SDK's default chain. */
  readonly profile?: string;
  /** Role to assume first (e.g. a read-only GuardDuty audit role). */
  readonly roleArn?: string;
  /** Region of the STS endpoint used to assume the role (the config's home region). */
  readonly stsRegion: string;
}

/**
 * Throttling: 33 regions fan out at once, and ListFindings/GetFindings
 * bursts hit GuardDuty's per-region request rate. Adaptive retry backs off
 * and rate-limits the client; more attempts than the default 3 let a
 * throttled region finish instead of being reported unreadable.
 */
const MAX_ATTEMPTS = 8;

export function createAwsClients(options: CredentialOptions): AwsClients {
  const credentials = memoizeUntilExpiry(credentialProvider(options));
  const clients = new Map<string, unknown>();
  function cached<T>(service: string, region: string, build: () => T): T {
    const key = `${service}:${region}`;
    if (!clients.has(key)) clients.set(key, build());
    return clients.get(key) as T;
  }
  const config = (region: string) => ({ region, credentials, maxAttempts: MAX_ATTEMPTS, retryMode: 'adaptive' as const });
  return {
    guardduty: (region) => cached('guardduty', region, () => new GuardDutyClient(config(region))),
    account: (region) => cached('account', region, () => new AccountClient(config(region))),
    logs: (region) => cached('logs', region, () => new CloudWatchLogsClient(config(region))),
    sts: (region) => cached('sts', region, () => new STSClient(config(region))),
    sqs: (region) => cached('sqs', region, () => new SQSClient(config(region))),
    cloudwatch: (region) => cached('cloudwatch', region, () => new CloudWatchClient(config(region))),
  };
}

type CredentialProvider = ReturnType<typeof fromNodeProviderChain>;
type Credentials = Awaited<ReturnType<CredentialProvider>>;

function credentialProvider(options: CredentialOptions): CredentialProvider {
  const base = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  if (!options.roleArn) return base;
  return fromTemporaryCredentials({
    masterCredentials: base,
    // A named session, so CloudTrail shows which tool read the estate.
    params: { RoleArn: options.roleArn, RoleSessionName: 'guardduty-ops', DurationSeconds: 3600 },
    clientConfig: { region: options.stsRegion },
  });
}

/** Refresh this long before expiry, so a request signed late in a long run does not fail. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * One credential lookup (and one AssumeRole) shared by every client of
 * every region, instead of one per client: 33 regions x 2 services would
 * otherwise assume the role 66 times.
 */
function memoizeUntilExpiry(provider: CredentialProvider): () => Promise<Credentials> {
  let pending: Promise<Credentials> | undefined;
  const fetch = (): Promise<Credentials> =>
    (pending = provider().catch((err: unknown) => {
      pending = undefined;
      throw err;
    }));
  return async () => {
    const credentials = await (pending ?? fetch());
    const expiring = credentials.expiration && credentials.expiration.getTime() - Date.now() < REFRESH_MARGIN_MS;
    return expiring ? fetch() : credentials;
  };
}
