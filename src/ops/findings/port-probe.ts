import type { Finding } from '@aws-sdk/client-guardduty';

export const PORT_PROBE_TYPE = 'Recon:EC2/PortProbeUnprotectedPort';

/** What an analyst reads by hand from a PortProbeUnprotectedPort finding: instance, security groups, probed ports, probers. */
export interface PortProbe {
  readonly instanceId: string;
  /** `sg-0123 (web)` */
  readonly securityGroups: readonly string[];
  readonly ports: readonly { readonly port: number; readonly name?: string }[];
  readonly probers: readonly { readonly ip: string; readonly country?: string; readonly organization?: string }[];
}

export function portProbeOf(finding: Finding): PortProbe | undefined {
  if (finding.Type !== PORT_PROBE_TYPE) return undefined;
  const instance = finding.Resource?.InstanceDetails;
  const details = finding.Service?.Action?.PortProbeAction?.PortProbeDetails ?? [];
  const ports = new Map<number, string | undefined>();
  const probers = new Map<string, { ip: string; country?: string; organization?: string }>();
  for (const d of details) {
    const port = d.LocalPortDetails?.Port;
    if (port !== undefined && !ports.has(port)) ports.set(port, d.LocalPortDetails?.PortName);
    const ip = d.RemoteIpDetails?.IpAddressV4 ?? d.RemoteIpDetails?.IpAddressV6;
    if (ip && !probers.has(ip)) {
      const country = d.RemoteIpDetails?.Country?.CountryName ?? d.RemoteIpDetails?.Country?.CountryCode;
      const organization = d.RemoteIpDetails?.Organization?.AsnOrg ?? d.RemoteIpDetails?.Organization?.Org;
      probers.set(ip, { ip, ...(country ? { country } : {}), ...(organization ? { organization } : {}) });
    }
  }
  const groups = (instance?.NetworkInterfaces ?? []).flatMap((ni) => ni.SecurityGroups ?? []);
  const securityGroups = [...new Set(groups.map((g) => (g.GroupName ? `${g.GroupId} (${g.GroupName})` : (g.GroupId ?? ''))).filter(Boolean))];
  return {
    instanceId: instance?.InstanceId ?? '-',
    securityGroups,
    ports: [...ports].sort(([a], [b]) => a - b).map(([port, name]) => ({ port, ...(name && name !== 'Unknown' ? { name } : {}) })),
    probers: [...probers.values()],
  };
}

export function formatPorts(probe: PortProbe): string {
  return probe.ports.map((p) => (p.name ? `${p.port}/${p.name}` : String(p.port))).join(', ') || '(unknown)';
}

/**
 * The remediation for a probed port: the port is open to the
 * internet, so narrow the security group to trusted sources.
 */
export function portProbeHint(probe: PortProbe): string {
  const groups = probe.securityGroups.length > 0 ? probe.securityGroups.join(', ') : `the security groups of ${probe.instanceId}`;
  const firstPort = probe.ports[0]?.port ?? '<port>';
  const groupId = probe.securityGroups[0]?.split(' ')[0] ?? '<sg-id>';
  return (
    `Restrict ${groups}: allow port${probe.ports.length === 1 ? '' : 's'} ${formatPorts(probe)} only from trusted CIDRs, not 0.0.0.0/0 ` +
    `(aws ec2 revoke-security-group-ingress --group-id ${groupId} --protocol tcp --port ${firstPort} --cidr 0.0.0.0/0). ` +
    'If the port serves the internet behind a Network Load Balancer, suppress with the NLB preset instead.'
  );
}
