// Every check the gate runs, in report order. One module per check family.
import type { Check } from '../src/types.ts';
import { k8sWorkloadCheck } from './k8s-workload.ts';

export const ALL_CHECKS: readonly Check[] = [k8sWorkloadCheck];
