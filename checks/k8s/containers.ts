// A container as the Kubernetes rules see it: its own securityContext, its
// pod's, and where in the manifest each field sits (for file:line).
import { CONTAINER_KINDS, isObj, type Obj, type PodTemplate } from '../../src/workspace/kubernetes.ts';
import { keyLine, lineOf } from '../../src/workspace/yaml.ts';

export interface ContainerView {
  name: string;
  kind: 'container' | 'initContainer' | 'ephemeralContainer';
  raw: Obj;
  line: number;
  /** Container securityContext ({} when absent). */
  securityContext: Obj;
  /** Pod securityContext ({} when absent). */
  podSecurityContext: Obj;
  pod: PodTemplate;
  /** The pod runs on Windows nodes. */
  windows: boolean;
}

/** Line of a securityContext field: the container's if it sets it, else the pod's, else the container's securityContext. */
export function fieldLine(c: ContainerView, field: string | undefined): number {
  if (field && c.securityContext[field] === undefined && c.podSecurityContext[field] !== undefined) return podSecurityContextLine(c, field);
  return securityContextLine(c, field);
}

export function podSecurityContextLine(c: ContainerView, field: string): number {
  return keyLine(c.pod.spec.securityContext, field) ?? keyLine(c.pod.spec, 'securityContext') ?? c.line;
}

/** The pod runs on Windows nodes (spec.os.name, or the conventional node selector). */
export function isWindowsPod(pod: PodTemplate): boolean {
  const os = isObj(pod.spec.os) ? pod.spec.os.name : undefined;
  if (typeof os === 'string') return os.toLowerCase() === 'windows';
  const sel = isObj(pod.spec.nodeSelector) ? pod.spec.nodeSelector['kubernetes.io/os'] : undefined;
  return typeof sel === 'string' && sel.toLowerCase() === 'windows';
}

/** A pod-level field the container may override (Kubernetes PodSecurityContext semantics). */
export function inherited(c: ContainerView, field: string): unknown {
  return c.securityContext[field] ?? c.podSecurityContext[field];
}

export function capList(c: ContainerView, which: 'add' | 'drop'): string[] {
  const caps = c.securityContext.capabilities;
  const list = isObj(caps) ? caps[which] : undefined;
  // Runtimes upper-case names and match ALL case-insensitively. A CAP_
  // prefix is stripped only from added names (reporting cap_sys_admin as
  // SYS_ADMIN errs on the safe side); "CAP_ALL" in drop is not ALL.
  if (!Array.isArray(list)) return [];
  return list.map((x) => (which === 'add' ? String(x).toUpperCase().replace(/^CAP_/, '') : String(x).toUpperCase()));
}

export function securityContextLine(c: ContainerView, field?: string): number {
  if (field && isObj(c.raw.securityContext)) return keyLine(c.raw.securityContext, field) ?? c.line;
  return keyLine(c.raw, 'securityContext') ?? c.line;
}

/** Line of capabilities.add / capabilities.drop, else of capabilities, else of the securityContext. */
export function capLine(c: ContainerView, which: 'add' | 'drop'): number {
  const caps = c.securityContext.capabilities;
  if (isObj(caps) && caps[which] !== undefined) return keyLine(caps, which) ?? securityContextLine(c, 'capabilities');
  return securityContextLine(c, 'capabilities');
}

export function containersOf(pod: PodTemplate): ContainerView[] {
  const podSecurityContext = isObj(pod.spec.securityContext) ? pod.spec.securityContext : {};
  const windows = isWindowsPod(pod);
  const out: ContainerView[] = [];
  for (const [field, kind] of CONTAINER_KINDS) {
    const list = pod.spec[field];
    if (!Array.isArray(list)) continue;
    for (const [i, raw] of (list as Obj[]).entries()) {
      out.push({
        name: typeof raw.name === 'string' ? raw.name : `${field}[${i}]`,
        kind,
        raw,
        line: lineOf(raw) ?? pod.line,
        securityContext: isObj(raw.securityContext) ? raw.securityContext : {},
        podSecurityContext,
        pod,
        windows,
      });
    }
  }
  return out;
}
