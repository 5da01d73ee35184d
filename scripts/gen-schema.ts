// schema/mcp-gate.schema.json is generated from the one zod config schema,
// so editors complete exactly what the gate accepts.
import { writeFileSync } from 'node:fs';
import * as z from 'zod';
import { configSchema } from '../src/config/schema.ts';

const schema = z.toJSONSchema(configSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
const out = {
  ...schema,
  $id: 'https://github.com/mcp-gate/mcp-gate/schema/mcp-gate.schema.json',
  title: 'mcp-gate configuration',
};
writeFileSync('schema/mcp-gate.schema.json', `${JSON.stringify(out, null, 2)}\n`);
