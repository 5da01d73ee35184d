// An MCP stdio transport for the SDK's Client, spawning the server with
// execa: an argument array, never a shell, an environment limited to PATH,
// HOME and the names the config lists, and a hard kill on close.
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { ResultPromise } from 'execa';
import { redactSecrets } from './redact.ts';

export interface StdioOptions {
  command: readonly string[];
  cwd: string;
  env: Record<string, string>;
  /** Values the server was given that must not come back through its stderr. */
  secrets?: readonly string[];
}

/** Raw stderr kept (the end of it), well beyond what is shown, so redaction sees whole secrets. */
const STDERR_TAIL = 8192;
/** Characters of stderr shown in a message. */
const STDERR_SHOWN = 300;

/** The environment a stdio server gets: PATH and HOME, plus the names the config lists. */
export function serverEnv(parent: Readonly<Record<string, string | undefined>>, names: readonly string[] | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', ...(names ?? [])]) {
    const v = parent[name];
    if (v !== undefined) env[name] = v;
  }
  return env;
}

export class ExecaStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  /** Called (besides onerror) when the server writes a line that is not JSON-RPC: the session cannot be trusted after that. */
  onGarbage?: (error: Error) => void;
  readonly #opts: StdioOptions;
  readonly #buffer = new ReadBuffer();
  #proc: ResultPromise | undefined;
  #stderr = '';
  /** Whether the start of #stderr was dropped (its first word may be the end of a secret). */
  #stderrCut = false;
  #exited = false;
  /** Why the process is gone (spawn failure or exit), for error messages. */
  exitReason: string | undefined;
  /** The command could not be started at all (ENOENT, EACCES): retrying is pointless. */
  spawnFailed = false;
  /** Negotiated protocol version (the SDK's Client sets it after initialize). */
  protocolVersion: string | undefined;

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }

  constructor(opts: StdioOptions) {
    this.#opts = opts;
  }

  async start(): Promise<void> {
    if (this.#proc) throw new Error('transport already started');
    const [file, ...args] = this.#opts.command;
    if (file === undefined) throw new Error('empty command');
    // Loaded on first use: execa needs Node >= 22 and most runs spawn nothing.
    const { execa } = await import('execa');
    const proc = execa(file, args, {
      cwd: this.#opts.cwd,
      env: this.#opts.env,
      extendEnv: false,
      shell: false,
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      buffer: false,
      reject: false,
      cleanup: true,
      windowsHide: true,
      forceKillAfterDelay: 1000,
    });
    this.#proc = proc;
    proc.stdout?.on('data', (chunk: Buffer | string) => {
      this.#buffer.append(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      for (;;) {
        let msg: JSONRPCMessage | null;
        try {
          msg = this.#buffer.readMessage();
        } catch (err) {
          // V8 quotes a cut of the line (which may hold a secret): keep its words only.
          const garbage = new Error(`server wrote a line that is not JSON-RPC: ${(err as Error).message.split(', "')[0]?.slice(0, 200)}`);
          this.onerror?.(garbage);
          this.onGarbage?.(garbage);
          continue;
        }
        if (msg === null) break;
        this.onmessage?.(msg);
      }
    });
    proc.stderr?.on('data', (chunk: Buffer | string) => {
      const all = this.#stderr + chunk.toString();
      if (all.length > STDERR_TAIL) this.#stderrCut = true;
      this.#stderr = all.slice(-STDERR_TAIL);
    });
    proc.stdin?.on('error', () => {}); // EPIPE when the server is gone: reported through exit
    // Node assigns the pid synchronously when the spawn succeeded.
    if (proc.pid === undefined) {
      const result = await proc;
      this.spawnFailed = true;
      this.#exited = true;
      throw new Error(`cannot start ${JSON.stringify(file)}: ${(result as { code?: string }).code ?? result.shortMessage}`);
    }
    void proc.then((result) => {
      this.#exited = true;
      const how = result.signal ? `killed by ${result.signal}` : `exited with code ${result.exitCode}`;
      this.exitReason = `server process ${how}${this.stderrTail ? `; stderr: ${this.stderrTail}` : ''}`;
      this.onclose?.();
    });
  }

  /** The end of stderr, redacted before it is cut; a word cut off at the start of the buffer is dropped. */
  get stderrTail(): string {
    const raw = this.#stderrCut ? this.#stderr.replace(/^\S*/, '') : this.#stderr;
    const text = redactSecrets(raw, this.#opts.secrets ?? []).trim().replace(/\s+/g, ' ');
    return text.length > STDERR_SHOWN ? `…${text.slice(-STDERR_SHOWN)}` : text;
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.#proc?.stdin;
    if (!stdin || this.#exited) throw new Error(this.exitReason ?? 'server process not running');
    await new Promise<void>((resolve, reject) => {
      stdin.write(serializeMessage(message), (err) => (err ? reject(err) : resolve()));
    });
  }

  async close(): Promise<void> {
    const proc = this.#proc;
    if (!proc || this.#exited) return;
    proc.stdin?.end();
    proc.kill('SIGTERM');
    // forceKillAfterDelay sends SIGKILL if SIGTERM is ignored.
    await Promise.race([proc.then(() => undefined), new Promise((r) => setTimeout(r, 1500).unref())]);
  }
}
