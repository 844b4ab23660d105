import type { Finding } from '@aws-sdk/client-guardduty';

let next = 0;

/** A GetFindings-shaped finding; `over` replaces top-level fields. */
export function finding(over: Partial<Finding> & { instanceId?: string } = {}): Finding {
  const { instanceId, ...rest } = over;
  const id = `f${String(++next).padStart(4, '0')}`;
  return {
    AccountId: '111111111111',
    Arn: `arn:aws:guardduty:us-east-1:111111111111:detector/d/finding/${id}`,
    CreatedAt: '2026-03-01T10:00:00.000Z',
    UpdatedAt: '2026-03-02T10:00:00.000Z',
    Id: id,
    Region: 'us-east-1',
    SchemaVersion: '2.0',
    Severity: 5,
    Title: 'Something happened',
    Type: 'UnauthorizedAccess:EC2/TorIPCaller',
    Resource: { ResourceType: 'Instance', InstanceDetails: { InstanceId: instanceId ?? 'i-0aaa' } },
    Service: { Count: 1, Archived: false, ServiceName: 'guardduty' },
    ...rest,
  };
}

/** A port-probe finding: port 22 of an instance probed by a known malicious host. */
export function portProbeFinding(over: Partial<Finding> = {}): Finding {
  return finding({
    Type: 'Recon:EC2/PortProbeUnprotectedPort',
    Severity: 2,
    Title: 'Unprotected port on EC2 instance i-012345678aabbccdd is being probed.',
    Resource: {
      ResourceType: 'Instance',
      InstanceDetails: {
        InstanceId: 'i-012345678aabbccdd',
        NetworkInterfaces: [{ SecurityGroups: [{ GroupId: 'sg-0123', GroupName: 'cc-staging-env-sg' }] }],
      },
    },
    Service: {
      Count: 7,
      Archived: false,
      Action: {
        ActionType: 'PORT_PROBE',
        PortProbeAction: {
          Blocked: false,
          PortProbeDetails: [
            { LocalPortDetails: { Port: 22, PortName: 'SSH' }, RemoteIpDetails: { IpAddressV4: '198.51.100.7', Country: { CountryName: 'Netherlands' } } },
            { LocalPortDetails: { Port: 3389, PortName: 'RDP' }, RemoteIpDetails: { IpAddressV4: '203.0.113.9' } },
            { LocalPortDetails: { Port: 22, PortName: 'SSH' }, RemoteIpDetails: { IpAddressV4: '198.51.100.7' } },
          ],
        },
      },
    },
    ...over,
  });
}
