// Every check the gate runs, in report order. One module per check family.
import type { Check } from '../src/types.ts';
import { dockerfileCheck } from './dockerfile.ts';
import { k8sWorkloadCheck } from './k8s-workload.ts';
import { manifestIntegrityCheck } from './manifest-integrity.ts';
import { manifestLintCheck } from './manifest-lint.ts';
import { netpolCheck } from './netpol.ts';
import { netpolLiveCheck } from './netpol-live.ts';
import { endpointProbeCheck } from './probe-endpoint.ts';
import { reportsCheck } from './reports.ts';
import { siemProbeCheck } from './probe-siem.ts';
import { secretsScanCheck } from './secrets-scan.ts';
import { supplyChainCheck } from './supply-chain.ts';

export const ALL_CHECKS: readonly Check[] = [k8sWorkloadCheck, netpolCheck, netpolLiveCheck, manifestIntegrityCheck, manifestLintCheck, endpointProbeCheck, siemProbeCheck, dockerfileCheck, secretsScanCheck, supplyChainCheck, reportsCheck];
