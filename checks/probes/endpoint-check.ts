// Live probe of the staging MCP endpoint (seed 003 gate rows "Authentication
// not enforced on all MCP endpoints", "TLS 1.3 not configured — plaintext
// HTTP connections accepted", "TLS certificate expiry within 14 days with no
// rotation scheduled"). Runs only when probes.endpoint is configured.
import type { Check } from '../../src/types.ts';

export const endpointProbeCheck: Check = {
  id: 'endpoint',
  rules: ['tls/weak-protocol', 'tls/plaintext-accepted', 'tls/cert-expiring', 'auth/not-enforced', 'gate/check-failed'],
  async run(ctx) {
    const cfg = ctx.config.probes?.endpoint;
    if (!cfg) return { findings: [], skipped: true, detail: 'no live endpoint probe: probes.endpoint is not configured' };
    // Loaded only here: node:https pulls in http2, zlib and undici, which a run without probes does not need.
    const { probeEndpoint } = await import('./endpoint-probe.ts');
    return probeEndpoint(ctx, cfg);
  },
};
