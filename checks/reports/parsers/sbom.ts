// SBOMs: CycloneDX JSON 1.4-1.7 and SPDX JSON 2.2/2.3 and 3.0 (JSON-LD).
// Validation covers what makes an SBOM usable by the gate (format, spec
// version, identity, root component), not the full upstream JSON schemas.
// CycloneDX files that carry `vulnerabilities` (trivy/grype VDR output) also
// yield vulnerability entries.
import * as z from 'zod';
import { InputError } from '../../../src/util/errors.ts';
import { type Entry, isRecord, normalizeSeverity, type ScanSeverity, severityRank, validate } from './common.ts';

export interface SbomInfo {
  format: string;
  /** Root component / described package name, when the SBOM names one. */
  root?: string;
  /** Creation time as written. */
  timestamp?: string;
  components: number;
  /** Vulnerabilities carried by a CycloneDX VDR. */
  entries: Entry[];
  tool?: string;
}

// Pattern of the CycloneDX schemas (bom-1.4 ... bom-1.7.schema.json).
const SERIAL = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const cdxComponent = z.object({ 'bom-ref': z.string().nullish(), type: z.string(), name: z.string(), version: z.string().nullish() }).loose();

const cdx = z.object({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.enum(['1.4', '1.5', '1.6', '1.7'], { error: 'unsupported CycloneDX specVersion (supported: 1.4, 1.5, 1.6, 1.7)' }),
  serialNumber: z.string().regex(SERIAL, 'serialNumber must be urn:uuid:<RFC 4122 UUID>').optional(),
  version: z.number().int().min(1).optional(),
  metadata: z
    .object({
      timestamp: z.string().optional(),
      component: cdxComponent.optional(),
      tools: z.unknown().optional(),
    })
    .loose()
    .optional(),
  components: z.array(cdxComponent).optional(),
  vulnerabilities: z
    .array(
      z
        .object({
          id: z.string(),
          ratings: z.array(z.object({ severity: z.string().nullish() }).loose()).optional(),
          recommendation: z.string().optional(),
          analysis: z.object({ state: z.string().nullish() }).loose().optional(),
          affects: z.array(z.object({ ref: z.string() }).loose()).optional(),
        })
        .loose(),
    )
    .optional(),
});

const spdx2 = z.object({
  spdxVersion: z.enum(['SPDX-2.2', 'SPDX-2.3'], { error: 'unsupported spdxVersion (supported: SPDX-2.2, SPDX-2.3)' }),
  SPDXID: z.literal('SPDXRef-DOCUMENT'),
  name: z.string().min(1),
  dataLicense: z.string(),
  documentNamespace: z.string().min(1),
  creationInfo: z.object({ created: z.string(), creators: z.array(z.string()).min(1) }).loose(),
  documentDescribes: z.array(z.string()).optional(),
  packages: z.array(z.object({ SPDXID: z.string(), name: z.string() }).loose()).optional(),
  relationships: z.array(z.object({ spdxElementId: z.string(), relatedSpdxElement: z.string(), relationshipType: z.string() }).loose()).optional(),
});

const spdx3 = z.object({
  '@context': z.union([z.string(), z.array(z.unknown()), z.record(z.string(), z.unknown())]),
  '@graph': z.array(z.object({ type: z.string() }).loose()).min(1),
});

export function parseSbom(value: unknown, file: string): SbomInfo {
  if (!isRecord(value)) throw new InputError(`${file}: not an SBOM: expected a CycloneDX or SPDX JSON object`, file);
  if ('bomFormat' in value || 'specVersion' in value) return parseCycloneDx(value, file);
  if ('spdxVersion' in value) return parseSpdx2(value, file);
  if ('@graph' in value || '@context' in value) return parseSpdx3(value, file);
  validate(z.object({ bomFormat: z.literal('CycloneDX') }), value, file, 'SBOM (CycloneDX 1.4-1.7 or SPDX 2.3/3.0 JSON)');
  throw new InputError(`${file}: not an SBOM`, file);
}

function parseCycloneDx(value: unknown, file: string): SbomInfo {
  const b = validate(cdx, value, file, 'CycloneDX JSON SBOM');
  const byRef = new Map<string, { name: string; version?: string | null }>();
  for (const c of b.components ?? []) if (c['bom-ref']) byRef.set(c['bom-ref'], c);
  const entries: Entry[] = [];
  for (const v of b.vulnerabilities ?? []) {
    const state = v.analysis?.state;
    if (state === 'not_affected' || state === 'false_positive' || state === 'resolved') continue;
    let severity: ScanSeverity | undefined;
    for (const r of v.ratings ?? []) {
      const s = normalizeSeverity(r.severity);
      if (s && (!severity || severityRank(s) > severityRank(severity))) severity = s;
    }
    const fixed = v.recommendation ? /\bto version (\S+)/.exec(v.recommendation)?.[1]?.replace(/[.;,]$/, '') : undefined;
    for (const a of v.affects?.length ? v.affects : [{ ref: '' }]) {
      const comp = byRef.get(a.ref);
      entries.push({
        kind: 'vuln',
        id: v.id,
        pkg: comp?.name ?? (a.ref || '(component not named)'),
        ...(comp?.version ? { installed: comp.version } : {}),
        ...(fixed ? { fixed } : {}),
        unfixed: !fixed,
        ...(severity ? { severity } : {}),
      });
    }
  }
  return {
    format: `CycloneDX ${b.specVersion}`,
    ...(b.metadata?.component?.name ? { root: b.metadata.component.name } : {}),
    ...(b.metadata?.timestamp ? { timestamp: b.metadata.timestamp } : {}),
    components: b.components?.length ?? 0,
    entries,
    ...(cdxTool(b.metadata?.tools) ? { tool: cdxTool(b.metadata?.tools) } : {}),
  };
}

function cdxTool(tools: unknown): string | undefined {
  const list = isRecord(tools) && Array.isArray(tools.components) ? tools.components : Array.isArray(tools) ? tools : [];
  const first = list.find(isRecord);
  return first && typeof first.name === 'string' ? first.name.toLowerCase() : undefined;
}

function parseSpdx2(value: unknown, file: string): SbomInfo {
  const d = validate(spdx2, value, file, 'SPDX 2.x JSON SBOM');
  const described =
    d.documentDescribes?.[0] ??
    d.relationships?.find((r) => r.spdxElementId === 'SPDXRef-DOCUMENT' && r.relationshipType === 'DESCRIBES')?.relatedSpdxElement;
  const pkg = described ? d.packages?.find((p) => p.SPDXID === described) : undefined;
  return { format: d.spdxVersion, root: pkg?.name ?? d.name, timestamp: d.creationInfo.created, components: d.packages?.length ?? 0, entries: [] };
}

function parseSpdx3(value: unknown, file: string): SbomInfo {
  const d = validate(spdx3, value, file, 'SPDX 3.0 JSON-LD SBOM');
  const context = d['@context'];
  const contexts = typeof context === 'string' ? [context] : Array.isArray(context) ? context.filter((c) => typeof c === 'string') : [];
  if (!contexts.some((c) => /spdx\.org\/rdf\/3\.0/.test(c))) throw new InputError(`${file}: not a valid SPDX 3.0 JSON-LD SBOM: @context is not https://spdx.org/rdf/3.0.x/spdx-context.jsonld`, file);
  const graph = d['@graph'];
  const doc = graph.find((e) => e.type === 'SpdxDocument' || e.type === 'software_Sbom');
  if (!doc) throw new InputError(`${file}: not a valid SPDX 3.0 JSON-LD SBOM: no SpdxDocument or software_Sbom element in @graph`, file);
  const rootId = Array.isArray(doc.rootElement) ? doc.rootElement[0] : undefined;
  const root = graph.find((e) => e.spdxId === rootId);
  const ci = graph.find((e) => e.type === 'CreationInfo');
  const spec = typeof ci?.specVersion === 'string' ? ci.specVersion : '3.0';
  if (!spec.startsWith('3.0')) throw new InputError(`${file}: unsupported SPDX specVersion ${spec.slice(0, 20)} (supported: 3.0.x)`, file);
  return {
    format: `SPDX ${spec}`,
    ...(typeof root?.name === 'string' ? { root: root.name } : typeof doc.name === 'string' ? { root: doc.name } : {}),
    ...(typeof ci?.created === 'string' ? { timestamp: ci.created } : {}),
    components: graph.filter((e) => e.type === 'software_Package').length,
    entries: [],
  };
}
