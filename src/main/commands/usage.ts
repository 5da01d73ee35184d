// Usage lines of the subcommands. Kept apart from the commands' code so the
// CLI can print help, and route to a command, without loading any of them.
export const USAGE = {
  check: 'mcp-gate check [DIR] [--config FILE] [--mode warn|enforce] [--rollout 1|2|3] [--format text|json|sarif|markdown] [--output FILE] [--base-ref REF] [--fail-on all|new]',
  rules: 'mcp-gate rules [--format text|json|markdown]',
  manifest: 'mcp-gate manifest pin|diff [DIR] [--config FILE]',
  probe: 'mcp-gate probe behaviour [DIR] --server ID [--config FILE] [--mode warn|enforce] [--format text|json|sarif|markdown] [--output FILE]',
  alerts: 'mcp-gate alerts init [DIR] [--out PATH] [--baseline-per-minute N] [--median-session-ms N] [--force]',
  override: [
    'mcp-gate override new [DIR] (--fingerprint FP | --rule RULE --resource RES [--container NAME]) [--report FILE] [--id ID]',
    '      [--approver EMAIL] [--expires DATE] [--ticket T] [--due DATE] [--justification TEXT] [--config FILE] [--force]',
    '  mcp-gate override sign FILE... --key KEYFILE [--agent] | --print-message',
    '  mcp-gate override verify [DIR] [--base-ref REF] [--config FILE]',
    '  mcp-gate override list [DIR] [--base-ref REF] [--config FILE] [--format text|json]',
  ].join('\n'),
} as const;
