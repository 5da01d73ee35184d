// A Secret the deployment applies that holds a well-known default password.
// In a values file `password: changeme` is a placeholder (the secret scan
// leaves it), but once a chart renders it into a Secret it is the password
// the server really runs with. The finding names the values file that set
// it, where one holds that value.
import { posix } from 'node:path';
import { isObj, type K8sObject } from '../../src/workspace/kubernetes.ts';
import { keyLine } from '../../src/workspace/yaml.ts';
import type { ChartSpec } from '../../src/workspace/render/index.ts';
import type { RawFinding } from '../../src/types.ts';

/** Passwords scanners and attackers try first; compared lower-cased. */
const DEFAULT_CREDENTIALS = new Set([
  'changeme',
  'change-me',
  'change_me',
  'changeit',
  'password',
  'passw0rd',
  'password1',
  'password123',
  'test',
  'test123',
  'admin',
  'admin123',
  'secret',
  'root',
  'toor',
  '123456',
  '12345678',
  'default',
  'letmein',
  'qwerty',
]);

export interface ValuesSource {
  /** Repository files, to find each template's chart. */
  files: readonly string[];
  readText(file: string): string;
  /** kubernetes.helm of the config: values files given per chart. */
  helm?: readonly ChartSpec[];
}

export function defaultCredentialFindings(objects: readonly K8sObject[], values: ValuesSource): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const obj of objects) {
    if (obj.kind !== 'Secret') continue;
    for (const [field, decode] of [['stringData', (v: string) => v], ['data', fromBase64]] as const) {
      const map = obj.raw[field];
      if (!isObj(map)) continue;
      for (const [key, raw] of Object.entries(map)) {
        const value = typeof raw === 'string' ? decode(raw) : undefined;
        if (value === undefined || !DEFAULT_CREDENTIALS.has(value.trim().toLowerCase())) continue;
        const setBy = valuesLine(obj.file, value.trim(), values);
        findings.push({
          ruleId: 'secret/exposed',
          message: `${obj.resource}: ${field}.${key} holds the default credential "${value.trim()}"${setBy ? `, set in ${setBy.file}:${setBy.line}` : ''}; the server would run with a password anyone tries first`,
          location: { ...(setBy ?? { file: obj.file, line: keyLine(map, key) ?? obj.line }), resource: obj.resource },
          key: `default-credential:${field}.${key}`,
          remediation: 'Generate the credential at install time (a Secret created outside the chart, an external secret manager, or `lookup`/`randAlphaNum` in the template) and never ship a default in values.',
        });
      }
    }
  }
  return findings;
}

function fromBase64(v: string): string | undefined {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(v)) return undefined;
  const text = Buffer.from(v, 'base64').toString('utf8');
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

/** The values file line of the template's chart that sets `value`, if one does. */
function valuesLine(templateFile: string, value: string, source: ValuesSource): { file: string; line: number } | undefined {
  const fileSet = new Set(source.files);
  let chart: string | undefined;
  for (let d = posix.dirname(templateFile); ; d = posix.dirname(d)) {
    if (fileSet.has(d === '.' ? 'Chart.yaml' : `${d}/Chart.yaml`)) {
      chart = d;
      break;
    }
    if (d === '.' || d === '') return undefined;
  }
  const inChart = (f: string) => (chart === '.' ? !f.includes('/') : f.startsWith(`${chart}/`) && !f.slice(chart.length + 1).includes('/'));
  const configured = (source.helm ?? []).filter((h) => posix.normalize(h.chart).replace(/\/$/, '') === chart).flatMap((h) => h.values ?? []);
  const candidates = [...configured.map((v) => posix.normalize(v)).reverse(), ...source.files.filter((f) => inChart(f) && /^values.*\.ya?ml$/.test(posix.basename(f)))];
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const assigned = new RegExp(`:\\s*["']?${escaped}["']?\\s*(#.*)?$`, 'i');
  for (const file of candidates) {
    let text: string;
    try {
      text = source.readText(file);
    } catch {
      continue;
    }
    const lines = text.split('\n');
    const at = lines.findIndex((l) => assigned.test(l));
    if (at >= 0) return { file, line: at + 1 };
  }
  return undefined;
}
