// Minimal MCP server for the demo image: one tool over stdio. Credentials,
// when a tool needs them, are read at runtime from /run/secrets (never from
// the image or its environment).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'mcp-demo-server', version: '0.1.0' });
server.registerTool(
  'echo',
  { description: 'Echo the given text back.', inputSchema: { text: z.string().max(1000) } },
  async ({ text }) => ({ content: [{ type: 'text', text }] }),
);
await server.connect(new StdioServerTransport());
