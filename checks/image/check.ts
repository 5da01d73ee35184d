// Container images (seed 003 HD-02, HD-03, HD-04): the final stage must not
// run as root, bases must be pinned by digest, no credential literal in ENV
// or ARG (they persist in the image config and history), and optionally a
// minimal final base.
import { type DockerModel, buildModel, effectiveUser, rootBase, type Stage } from './dockerfile-model.ts';
import { parseDockerfile } from './dockerfile-parser.ts';
import { InputError } from '../../src/util/errors.ts';
import { isCredentialName, isPlaceholderValue, secretKey } from '../common/credentials.ts';
import { globMatcher } from '../../src/workspace/glob.ts';
import type { Check, CheckContext, CheckResult, RawFinding } from '../../src/types.ts';

/** Dockerfiles are at most this big; larger files are reported, not parsed. */
const MAX_DOCKERFILE_BYTES = 1024 * 1024;

export function isDockerfile(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  if (lower === 'dockerfile' || lower === 'containerfile' || lower.endsWith('.dockerfile') || lower.endsWith('.containerfile')) return true;
  // Dockerfile.dev, Containerfile.prod; not dockerfile.ts, Dockerfile.json.golden, Dockerfile.md.
  const m = /^(?:dockerfile|containerfile)\.([^.]+)$/.exec(lower);
  return m !== null && !NOT_DOCKERFILE_EXT.has(m[1] as string);
}

// Containerfile.dockerignore: BuildKit's per-Dockerfile ignore file.
const NOT_DOCKERFILE_EXT = new Set(['dockerignore', 'ts', 'js', 'mjs', 'cjs', 'json', 'yaml', 'yml', 'md', 'txt', 'golden', 'go', 'py', 'rs', 'sh', 'toml', 'xml', 'html', 'snap', 'orig', 'bak', 'swp']);

const DIGEST = /@sha256:[a-f0-9]{64}$/;

/** Bases that already run as a non-root user by default. */
function defaultNonRoot(image: string): boolean {
  const { repo, tag } = splitImage(image);
  // gcr.io/distroless/*:nonroot and :debug-nonroot run as 65532.
  return repo.includes('/distroless/') && (tag ?? '').split('-').includes('nonroot');
}

/** Minimal final bases: no shell or package manager by default. */
export function isMinimalBase(image: string): boolean {
  if (image === 'scratch') return true;
  const { repo } = splitImage(image);
  return (
    repo.includes('distroless') ||
    repo.startsWith('cgr.dev/chainguard/') ||
    repo.startsWith('chainguard/') ||
    /(?:^|\/)ubi\d*(?:\/ubi)?-micro$/.test(repo)
  );
}

export function splitImage(image: string): { repo: string; tag?: string; digest?: string } {
  let rest = image.toLowerCase();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    return { repo: rest.slice(0, colon), tag: rest.slice(colon + 1), ...(digest ? { digest } : {}) };
  }
  return { repo: rest, ...(digest ? { digest } : {}) };
}

function isRootUser(user: string): boolean {
  const name = (user.split(':')[0] ?? '').trim();
  // ContainerAdministrator is the administrator account of Windows containers.
  return name === 'root' || /^0+$/.test(name) || name.toLowerCase() === 'containeradministrator';
}

export function checkDockerfile(file: string, text: string, opts: { requireDistroless: boolean }): RawFinding[] {
  const parsed = parseDockerfile(text);
  const model: DockerModel = buildModel(parsed);
  const findings: RawFinding[] = [];
  for (const p of model.problems) {
    findings.push({ ruleId: 'gate/check-failed', message: `${file}:${p.line}: ${p.message}`, location: { file, line: p.line }, key: `dockerfile:${p.message}` });
  }
  if (model.stages.length === 0) {
    findings.push({ ruleId: 'gate/check-failed', message: `${file}: no FROM instruction, not a Dockerfile the gate can evaluate`, location: { file, line: 1 }, key: 'dockerfile:no-from' });
    return findings;
  }
  const final = model.stages[model.stages.length - 1] as Stage;

  // image/runs-as-root: the final stage's effective USER.
  const user = effectiveUser(final);
  const base = rootBase(final);
  if (!user) {
    if (!(base.base !== 'scratch' && defaultNonRoot(base.base))) {
      findings.push({
        ruleId: 'image/runs-as-root',
        message: `final stage (FROM ${final.unresolvedBase.length ? final.rawBase : final.base}) sets no USER, so the container runs as the base image's user, root unless the base says otherwise`,
        location: { file, line: final.fromLine },
      });
    }
  } else if (user.unresolved.length > 0) {
    findings.push({
      ruleId: 'image/runs-as-root',
      message: `final stage USER ${user.raw} uses ${user.unresolved.join(', ')} with no value in the Dockerfile; the user cannot be verified as non-root`,
      location: { file, line: user.line },
    });
  } else if (isRootUser(user.value)) {
    findings.push({
      ruleId: 'image/runs-as-root',
      message: `final stage runs as root (USER ${user.value})`,
      location: { file, line: user.line },
    });
  }

  // image/unpinned-base: every stage built on an external image.
  for (const s of model.stages) {
    if (s.parent || s.base.toLowerCase() === 'scratch') continue;
    if (s.unresolvedBase.length > 0 && !DIGEST.test(s.base)) {
      findings.push({
        ruleId: 'image/unpinned-base',
        message: `FROM ${s.rawBase || '(empty)'}: ${s.unresolvedBase.join(', ')} has no default, so the base cannot be verified as pinned by digest`,
        location: { file, line: s.fromLine },
        key: `base:${s.rawBase}`,
      });
    } else if (!DIGEST.test(s.base)) {
      findings.push({
        ruleId: 'image/unpinned-base',
        message: `FROM ${s.base}${s === final ? ' (final stage)' : ` (build stage ${s.name ?? s.index})`} is not pinned by digest`,
        location: { file, line: s.fromLine },
        key: `base:${s.base}`,
      });
    }
  }

  // secret/exposed: credential literals in ENV / ARG defaults, any stage.
  for (const s of model.stages) {
    for (const e of s.literals) {
      if (!isCredentialName(e.name)) continue;
      const v = e.raw;
      if (v === '' || v.includes('$') || isPlaceholderValue(v)) continue;
      findings.push({
        ruleId: 'secret/exposed',
        message: `${e.keyword} ${e.name} in ${file} at line ${e.line} holds a credential literal (value not shown); it is stored in the image ${e.keyword === 'ENV' ? 'config' : 'build history'}`,
        location: { file, line: e.line },
        key: secretKey(v),
        remediation: 'Revoke and rotate the credential, remove it from the Dockerfile, and pass it at build time with a BuildKit secret mount (RUN --mount=type=secret) or at run time from a secrets manager.',
      });
    }
  }

  // image/non-minimal-base: only when asked for.
  if (opts.requireDistroless && !isMinimalBase(base.base)) {
    findings.push({
      ruleId: 'image/non-minimal-base',
      message: `final stage is built on ${base.base}, not a distroless, scratch or Chainguard base (images.requireDistroless)`,
      location: { file, line: final.fromLine },
    });
  }
  return findings;
}

export const dockerfileCheck: Check = {
  id: 'image',
  rules: ['image/runs-as-root', 'image/unpinned-base', 'image/non-minimal-base', 'secret/exposed'],
  workerGroup: 'image',
  async run(ctx: CheckContext): Promise<CheckResult> {
    const cfg = ctx.config.images ?? {};
    const files = ctx.workspace.select(cfg.paths, isDockerfile);
    if (files.length === 0) return { findings: [], skipped: true, detail: 'no Dockerfile or Containerfile found' };
    const findings: RawFinding[] = [];
    const excluded = (ctx.config.secrets?.exclude ?? []).map(globMatcher);
    let checked = 0;
    for (const file of files) {
      let text: string;
      try {
        text = ctx.workspace.read(file);
        if (Buffer.byteLength(text) > MAX_DOCKERFILE_BYTES) throw new InputError(`file is above the ${MAX_DOCKERFILE_BYTES}-byte limit for Dockerfiles`, file);
        if (text.includes('\u0000')) throw new InputError('binary file, not a Dockerfile', file);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        findings.push({ ruleId: 'gate/check-failed', message: `${file}: cannot read: ${message}`, location: { file }, key: `dockerfile:${file}` });
        continue;
      }
      // secrets.exclude (deliberate test data) applies to credential findings from Dockerfiles too.
      const secretsExcluded = excluded.some((m) => m(file));
      findings.push(...checkDockerfile(file, text, { requireDistroless: cfg.requireDistroless === true }).filter((f) => !(secretsExcluded && f.ruleId === 'secret/exposed')));
      checked++;
    }
    return { findings, detail: `${checked} of ${files.length} Dockerfile(s) checked` };
  },
};
