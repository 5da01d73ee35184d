// Supply chain (seed 003 HD-03 "All dependencies pinned to exact versions"):
// package.json ranges and tags, package manifests without a lockfile,
// requirements.txt lines without an == pin, go.mod without go.sum.
import type { Check, CheckContext, CheckResult, RawFinding } from '../../src/types.ts';

const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb'];
/** Sections whose versions are installed. peerDependencies are ranges by design (the consumer installs them). */
const NPM_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

const EXACT_SEMVER = /^v?=?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const COMMIT = /#[0-9a-f]{40}$/i;

/** Why an npm version spec is not pinned, or undefined when it is. */
export function npmUnpinnedReason(spec: string): string | undefined {
  const s = spec.trim();
  if (s.startsWith('npm:')) {
    const at = s.lastIndexOf('@');
    return at > 4 ? npmUnpinnedReason(s.slice(at + 1)) : 'an alias without a version';
  }
  if (/^(?:file|link|portal|workspace):/.test(s)) return undefined; // local code, versioned with the repository
  if (EXACT_SEMVER.test(s)) return undefined;
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)|^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(s)) {
    return COMMIT.test(s) ? undefined : 'a git reference without a full commit hash';
  }
  if (/^https?:\/\//.test(s)) return 'a URL, whose content can change';
  if (s === '' || s === '*' || /^[xX]$/.test(s)) return `"${s}" (any version)`;
  if (s.startsWith('^')) return 'a range (^)';
  if (s.startsWith('~')) return 'a range (~)';
  if (/[<>]|\|\|| - /.test(s)) return 'a range';
  if (/(?:^|\.)[xX*](?:\.|$)/.test(s)) return 'a wildcard range';
  if (/^\d+(?:\.\d+)?$/.test(s)) return 'a partial version (a range)';
  if (/^[A-Za-z][\w.-]*$/.test(s)) return `the tag "${s}", which can move`;
  return 'not an exact version';
}

/** 1-based line of `"name"` inside the object that follows `"section"`, best effort. */
function lineOfKey(text: string, section: string, name: string): number {
  const sec = text.indexOf(`"${section}"`);
  const from = sec === -1 ? 0 : sec;
  const at = text.indexOf(JSON.stringify(name), from);
  const offset = at === -1 ? from : at;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function dirOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i === -1 ? '' : file.slice(0, i);
}

/** Reads a repository file; undefined when it cannot. */
export type Reader = (file: string) => string | undefined;

/** An ancestor directory is a workspace root: package.json "workspaces", or pnpm-workspace.yaml. */
function isWorkspaceRoot(files: ReadonlySet<string>, dir: string, read: Reader): boolean {
  const p = (n: string) => (dir ? `${dir}/${n}` : n);
  if (files.has(p('pnpm-workspace.yaml'))) return true;
  if (!files.has(p('package.json'))) return false;
  try {
    const pkg = JSON.parse(read(p('package.json')) ?? 'null') as { workspaces?: unknown } | null;
    return pkg !== null && typeof pkg === 'object' && pkg.workspaces !== undefined;
  } catch {
    return false;
  }
}

/** A lockfile next to the manifest, or at the root of the workspace it belongs to. */
function findLockfile(files: ReadonlySet<string>, dir: string, names: readonly string[], read: Reader): string | undefined {
  let d: string | undefined = dir;
  while (d !== undefined) {
    if (d === dir || isWorkspaceRoot(files, d, read)) {
      for (const n of names) {
        const p = d ? `${d}/${n}` : n;
        if (files.has(p)) return p;
      }
    }
    d = d === '' ? undefined : dirOf(d);
  }
  return undefined;
}

export function checkPackageJson(file: string, text: string, files: ReadonlySet<string>, read: Reader = () => undefined): RawFinding[] {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (err) {
    return [{ ruleId: 'gate/check-failed', message: `${file}: invalid JSON: ${(err as Error).message}`, location: { file, line: 1 }, key: `supply:${file}` }];
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) {
    return [{ ruleId: 'gate/check-failed', message: `${file}: not a package manifest (expected a JSON object)`, location: { file, line: 1 }, key: `supply:${file}` }];
  }
  const out: RawFinding[] = [];
  let deps = 0;
  for (const section of NPM_SECTIONS) {
    const obj = (pkg as Record<string, unknown>)[section];
    if (typeof obj !== 'object' || obj === null) continue;
    for (const [name, spec] of Object.entries(obj as Record<string, unknown>)) {
      deps++;
      const reason = typeof spec === 'string' ? npmUnpinnedReason(spec) : 'not a version string';
      if (!reason) continue;
      out.push({
        ruleId: 'supply/unpinned-dependency',
        message: `${section} "${name}": "${String(spec)}" is ${reason}, not an exact version`,
        location: { file, line: lineOfKey(text, section, name) },
        key: `npm:${name}`,
        remediation: `Pin "${name}" to the exact version the lockfile resolves (npm install --save-exact, or save-exact=true in .npmrc) and commit the lockfile.`,
      });
    }
  }
  if (deps > 0 && !findLockfile(files, dirOf(file), NPM_LOCKFILES, read)) {
    out.push({
      ruleId: 'supply/unpinned-dependency',
      message: `${file} declares ${deps} dependencies and no lockfile (${NPM_LOCKFILES.slice(0, 4).join(', ')}) is committed next to it or at its workspace root`,
      location: { file, line: 1 },
      key: 'npm:lockfile',
      remediation: 'Commit the lockfile of your package manager (package-lock.json, pnpm-lock.yaml or yarn.lock) and install with npm ci / pnpm install --frozen-lockfile / yarn install --immutable.',
    });
  }
  return out;
}

export function isRequirementsFile(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  return (/^requirements.*\.txt$/.test(base) || /(?:^|\/)requirements\/[^/]+\.txt$/.test(file.toLowerCase())) && !base.includes('example');
}

export function checkRequirements(file: string, text: string): RawFinding[] {
  const out: RawFinding[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = lines[i] as string;
    // Join continuations (long --hash lists).
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + (lines[++i] as string);
    line = line.replace(/(?:^|\s)#.*$/, '').trim();
    if (!line) continue;
    if (line.startsWith('-')) {
      const editable = /^(?:-e|--editable)\s+(\S+)/.exec(line);
      if (editable) {
        const target = editable[1] as string;
        if (/^(?:\.|\/|file:)/.test(target) || /@[0-9a-f]{40}(?:#|$)/i.test(target)) continue;
        out.push({
          ruleId: 'supply/unpinned-dependency',
          message: `editable requirement ${target} is not pinned to a commit`,
          location: { file, line: lineNo },
          key: `pip:${target}`,
        });
      }
      continue; // -r, -c, --index-url, --hash ... are options, not requirements
    }
    const spec = line.split(';')[0]?.split(/\s--hash/)[0]?.trim() ?? '';
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/.exec(spec);
    if (!m) continue;
    const name = (m[1] as string).toLowerCase();
    const rest = (m[3] as string).trim();
    if (/^@\s*\S+/.test(rest)) {
      if (/@[0-9a-f]{40}(?:#|$)/i.test(rest) || /#sha256=[0-9a-f]{64}/i.test(rest)) continue;
      out.push({ ruleId: 'supply/unpinned-dependency', message: `${name} is installed from a URL without a commit or hash`, location: { file, line: lineNo }, key: `pip:${name}` });
      continue;
    }
    if (/^===?\s*[^,*\s]+$/.test(rest)) continue;
    out.push({
      ruleId: 'supply/unpinned-dependency',
      message: rest ? `${name} ${rest} is not an exact == pin` : `${name} has no version pin`,
      location: { file, line: lineNo },
      key: `pip:${name}`,
      remediation: 'Pin every requirement with == (pip-compile / uv pip compile --generate-hashes write such a file).',
    });
  }
  return out;
}

export function checkGoMod(file: string, text: string, files: ReadonlySet<string>): RawFinding[] {
  const requireLine = text.split(/\r?\n/).findIndex((l) => /^\s*require\b/.test(l));
  if (requireLine === -1) return [];
  const dir = dirOf(file);
  if (files.has(dir ? `${dir}/go.sum` : 'go.sum')) return [];
  return [
    {
      ruleId: 'supply/unpinned-dependency',
      message: `${file} requires modules but no go.sum is committed next to it, so module contents are not verified`,
      location: { file, line: requireLine + 1 },
      key: 'go:go.sum',
      remediation: 'Run go mod tidy and commit go.sum.',
    },
  ];
}

export const supplyChainCheck: Check = {
  id: 'supply',
  rules: ['supply/unpinned-dependency'],
  workerGroup: 'supply',
  async run(ctx: CheckContext): Promise<CheckResult> {
    const all = ctx.workspace.files();
    const set = new Set(all);
    const findings: RawFinding[] = [];
    const counts = { npm: 0, pip: 0, go: 0 };
    for (const file of all) {
      const base = file.slice(file.lastIndexOf('/') + 1);
      const kind = base === 'package.json' ? 'npm' : base === 'go.mod' ? 'go' : isRequirementsFile(file) ? 'pip' : undefined;
      if (!kind) continue;
      let text: string;
      try {
        text = ctx.workspace.read(file);
        if (text.length > MAX_MANIFEST_BYTES) throw new Error(`above the ${MAX_MANIFEST_BYTES}-byte limit for manifests`);
      } catch (err) {
        findings.push({ ruleId: 'gate/check-failed', message: `${file}: cannot read: ${(err as Error).message}`, location: { file }, key: `supply:${file}` });
        continue;
      }
      counts[kind]++;
      const read: Reader = (f) => {
        try {
          return ctx.workspace.read(f);
        } catch {
          return undefined;
        }
      };
      if (kind === 'npm') findings.push(...checkPackageJson(file, text, set, read));
      else if (kind === 'pip') findings.push(...checkRequirements(file, text));
      else findings.push(...checkGoMod(file, text, set));
    }
    const total = counts.npm + counts.pip + counts.go;
    if (total === 0) return { findings, skipped: true, detail: 'no package.json, requirements*.txt or go.mod found' };
    return { findings, detail: `${counts.npm} package.json, ${counts.pip} requirements file(s), ${counts.go} go.mod checked` };
  },
};
