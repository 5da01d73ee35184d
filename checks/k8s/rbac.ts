// RBAC of the manifests as it applies to one service account: the
// RoleBindings and ClusterRoleBindings that bind it (directly, or through the
// system:serviceaccounts groups), the roles they grant, and which grants
// exceed least privilege for an MCP server (seed 000 control 4, "all tokens
// scoped"). Roles that are not in the manifests, or that the cluster
// aggregates, cannot be judged: the check detail lists them.
import { isObj, type K8sObject, type Obj } from '../../src/workspace/kubernetes.ts';
import { keyLine, lineOf } from '../../src/workspace/yaml.ts';

/** Built-in ClusterRoles that are excessive by name (user-facing roles: every verb on most resources, secrets included). */
const BUILT_IN_EXCESSIVE: Record<string, string> = {
  'cluster-admin': 'built-in: every verb on every resource',
  admin: 'built-in: read and write nearly everything in a namespace, secrets and pods/exec included',
  edit: 'built-in: write most objects, read secrets, create pods and pods/exec',
};

interface Binding {
  obj: K8sObject;
  /** Position in the manifests, to report grants in manifest order. */
  order: number;
  /** Namespace the grant applies in; undefined for a ClusterRoleBinding (every namespace). */
  namespace: string | undefined;
  roleKind: string;
  roleName: string;
  subjects: Obj[];
}

export interface RbacIndex {
  bindings: Binding[];
  /** Roles by `Role/<ns>/<name>` and `ClusterRole/<name>`. */
  roles: Map<string, K8sObject>;
  /** Bindings that may name an account called <key> (ServiceAccount or User subjects), in manifest order. */
  byAccount: Map<string, Binding[]>;
  /** Bindings with a Group subject (they may name any account). */
  byGroup: Binding[];
  /** grantsTo answers, by `ns/name` (many workloads share an account). */
  grants: Map<string, Grant[]>;
}

export interface Grant {
  binding: K8sObject;
  /** The namespace of the bound account (the subject's, when the workload names none). */
  accountNs?: string;
  /** `ClusterRole cluster-admin`, `Role ns/name`. */
  role: string;
  /** The role object when it is in the manifests. */
  roleObj: K8sObject | undefined;
  /** Why the grant is excessive, one entry per offending rule ([] = not excessive). */
  excessive: { what: string; line: number; file: string; key: string }[];
  /** Set when the role cannot be judged (not in the manifests, aggregated). */
  unknown?: string;
}

export function rbacIndex(objects: readonly K8sObject[]): RbacIndex {
  const bindings: Binding[] = [];
  const roles = new Map<string, K8sObject>();
  for (const o of objects) {
    if (!o.apiVersion.startsWith('rbac.authorization.k8s.io/')) continue;
    if (o.kind === 'ClusterRole') roles.set(`ClusterRole/${o.name}`, o);
    else if (o.kind === 'Role') roles.set(`Role/${o.namespace}/${o.name}`, o);
    else if (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') {
      const ref = isObj(o.raw.roleRef) ? o.raw.roleRef : {};
      bindings.push({
        obj: o,
        order: bindings.length,
        namespace: o.kind === 'RoleBinding' ? o.namespace : undefined,
        roleKind: String(ref.kind ?? ''),
        roleName: String(ref.name ?? ''),
        subjects: Array.isArray(o.raw.subjects) ? o.raw.subjects.filter(isObj) : [],
      });
    }
  }
  const byAccount = new Map<string, Binding[]>();
  const byGroup: Binding[] = [];
  for (const b of bindings) {
    const names = new Set<string>();
    for (const sub of b.subjects) {
      if (sub.kind === 'Group') names.add('\u0000group');
      else if (typeof sub.name === 'string') names.add(sub.kind === 'User' ? sub.name.slice(sub.name.lastIndexOf(':') + 1) : sub.name);
    }
    for (const n of names) {
      if (n === '\u0000group') byGroup.push(b);
      else byAccount.set(n, [...(byAccount.get(n) ?? []), b]);
    }
  }
  return { bindings, roles, byAccount, byGroup, grants: new Map() };
}

/**
 * The namespace in which the binding names the service account `name` as a
 * subject (directly, or through a group it is in), or undefined. `ns`
 * undefined: the workload names no namespace (a rendered chart is applied in
 * the release's), so a subject of any namespace counts.
 */
function boundIn(b: Binding, ns: string | undefined, name: string): string | undefined {
  for (const s of b.subjects) {
    const subjectNs = typeof s.namespace === 'string' ? s.namespace : b.namespace;
    if (s.kind === 'ServiceAccount' && s.name === name && (ns === undefined || subjectNs === ns)) return subjectNs ?? ns ?? 'default';
    if (s.kind === 'User' && typeof s.name === 'string') {
      const m = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(s.name);
      if (m && m[2] === name && (ns === undefined || m[1] === ns)) return m[1];
    }
    if (s.kind === 'Group' && (s.name === 'system:serviceaccounts' || s.name === 'system:authenticated')) return ns ?? b.namespace ?? 'default';
    if (s.kind === 'Group' && typeof s.name === 'string' && s.name.startsWith('system:serviceaccounts:')) {
      const groupNs = s.name.slice('system:serviceaccounts:'.length);
      if (ns === undefined || groupNs === ns) return groupNs;
    }
  }
  return undefined;
}

/** Only the default ServiceAccount is named (not through a group): a grant every pod of the namespace without its own account gets. */
export function namesDefaultAccount(g: Grant): boolean {
  const ns = g.accountNs;
  const raw = g.binding.raw.subjects;
  return Array.isArray(raw) && raw.some((s) => isObj(s) && ((s.kind === 'ServiceAccount' && s.name === 'default' && (s.namespace ?? g.binding.namespace) === ns) || (s.kind === 'User' && s.name === `system:serviceaccount:${ns}:default`)));
}

const where = (o: K8sObject, line = o.line): string => `${o.file}:${line}`;

/** Every grant of the manifests to the service account `name` of namespace `ns` (undefined: not named), judged, in manifest order. */
export function grantsTo(index: RbacIndex, ns: string | undefined, name: string): Grant[] {
  const key = `${ns ?? ''}/${name}`;
  let out = index.grants.get(key);
  if (!out) {
    out = [];
    const candidates = [...new Set([...(index.byAccount.get(name) ?? []), ...index.byGroup])].sort((a, b) => a.order - b.order);
    for (const b of candidates) {
      const accountNs = boundIn(b, ns, name);
      if (accountNs !== undefined) out.push({ ...judge(index, b, accountNs), accountNs });
    }
    index.grants.set(key, out);
  }
  return out;
}

/** One binding's role, judged for an account of namespace `ownNs`. */
function judge(index: RbacIndex, b: Binding, ownNs: string): Grant {
  const builtIn = b.roleKind === 'ClusterRole' ? BUILT_IN_EXCESSIVE[b.roleName] : undefined;
  const ns = b.namespace ?? ownNs;
  const roleObj = index.roles.get(b.roleKind === 'ClusterRole' ? `ClusterRole/${b.roleName}` : `Role/${ns}/${b.roleName}`);
  const role = b.roleKind === 'ClusterRole' ? `ClusterRole ${b.roleName}` : `Role ${ns}/${b.roleName}`;
  const refLine = keyLine(b.obj.raw, 'roleRef') ?? b.obj.line;
  const grant = { binding: b.obj, role, roleObj };
  if (builtIn) return { ...grant, excessive: [{ what: builtIn, line: refLine, file: b.obj.file, key: 'built-in' }] };
  // The built-in read-only role: no secrets, no pods/exec, no writes.
  if (b.roleKind === 'ClusterRole' && b.roleName === 'view' && !roleObj) return { ...grant, excessive: [] };
  if (!roleObj) return { ...grant, excessive: [], unknown: `${b.obj.resource} (${where(b.obj, refLine)}) binds ${role}, which is not in the manifests` };
  if (roleObj.raw.aggregationRule !== undefined)
    return { ...grant, excessive: [], unknown: `${b.obj.resource} (${where(b.obj, refLine)}) binds ${role}, an aggregated ClusterRole whose rules the cluster assembles` };
  return { ...grant, excessive: excessiveRules(roleObj, b.namespace, ownNs) };
}

const READ = ['get', 'list', 'watch'];

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The rules of a role that exceed least privilege for an account in `ownNs`, granted in `grantNs` (undefined: cluster-wide). */
function excessiveRules(role: K8sObject, grantNs: string | undefined, ownNs: string): Grant['excessive'] {
  const out: Grant['excessive'] = [];
  const rules = Array.isArray(role.raw.rules) ? role.raw.rules : [];
  for (const [i, r] of rules.entries()) {
    if (!isObj(r)) continue;
    const verbs = strings(r.verbs);
    const resources = strings(r.resources);
    const groups = strings(r.apiGroups);
    const core = groups.includes('') || groups.includes('*');
    const line = lineOf(r) ?? role.line;
    const add = (what: string, key: string) => out.push({ what: `rules[${i}] ${what}`, line, file: role.file, key: `${role.resource}#${i}:${key}` });
    const allVerbs = verbs.includes('*');
    const can = (...vs: string[]) => allVerbs || vs.some((v) => verbs.includes(v));
    if (allVerbs) add(`grants every verb (*) on ${resources.join(', ') || 'its resources'}`, 'verbs');
    if (resources.includes('*')) add(`grants ${verbs.join(', ')} on every resource (*)${groups.includes('*') ? ' of every API group' : ''}`, 'resources');
    for (const v of ['impersonate', 'escalate', 'bind']) if (verbs.includes(v)) add(`grants ${v} (on ${resources.join(', ') || 'its resources'})`, v);
    if (!core) continue;
    const named = strings(r.resourceNames).length > 0;
    if (resources.includes('secrets') && !named && can(...READ)) {
      const scope = grantNs === undefined ? 'cluster-wide (every namespace)' : grantNs !== ownNs ? `in namespace ${grantNs}, not its own (${ownNs})` : undefined;
      if (scope) add(`grants ${READ.filter((v) => can(v)).join(', ')} on secrets ${scope}`, 'secrets');
    }
    if (resources.includes('pods') && can('create')) add('grants create on pods (run any image with this account\'s rights)', 'pods');
    for (const sub of ['pods/exec', 'pods/attach']) if (resources.includes(sub) && can('create')) add(`grants create on ${sub} (a shell in other pods)`, sub);
  }
  return out;
}

/** Bindings of the manifests whose role the gate cannot judge (not in the manifests, aggregated), for the check detail. */
export function unjudgedBindings(index: RbacIndex): string[] {
  return index.bindings.map((b) => judge(index, b, b.namespace ?? 'default').unknown).filter((u): u is string => u !== undefined);
}
