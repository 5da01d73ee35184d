// Every check the gate runs, in report order. One module per check family.
import type { Check } from '../src/types.ts';
import { dockerfileCheck } from './image/check.ts';
import { k8sWorkloadCheck } from './k8s/check.ts';
import { manifestIntegrityCheck } from './manifests/integrity-check.ts';
import { manifestLintCheck } from './manifests/lint-check.ts';
import { netpolCheck } from './netpol/check.ts';
import { netpolLiveCheck } from './netpol/live-check.ts';
import { behaviourProbeCheck } from './probes/behaviour-check.ts';
import { endpointProbeCheck } from './probes/endpoint-check.ts';
import { reportsCheck } from './reports/check.ts';
import { siemProbeCheck } from './probes/siem-check.ts';
import { secretsScanCheck } from './secrets/check.ts';
import { supplyChainCheck } from './supply/check.ts';
import { workspaceCheck } from './workspace/check.ts';

export const ALL_CHECKS: readonly Check[] = [workspaceCheck, k8sWorkloadCheck, netpolCheck, netpolLiveCheck, manifestIntegrityCheck, manifestLintCheck, endpointProbeCheck, behaviourProbeCheck, siemProbeCheck, dockerfileCheck, secretsScanCheck, supplyChainCheck, reportsCheck];
