import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

// One gateway node as its own process (`agentline serve` from the sources, loaded by tsx), the
// way an operator runs several: same database URL, its own port and AGENTLINE_NODE_ID.

export interface GatewayNode {
  name: string;
  url: string;
  port: number;
  proc: ChildProcess;
  /** Everything it printed (the first node prints the bootstrap key). */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

const ROOT = join(import.meta.dirname, '..', '..');

export function startGatewayNode(name: string, env: Record<string, string>, timeoutMs = 90_000): Promise<GatewayNode> {
  // `node --import tsx`, not the tsx binary: tsx runs the script in a child process, and a
  // SIGKILL of the wrapper would leave the real node running.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', AGENTLINE_NODE_ID: name, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node ${name} did not start in time:\n${out}`)), timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`node ${name} exited (${code}) before listening:\n${out}`));
    });
    const check = () => {
      const m = /Agentline listening on (http:\/\/[^\s]+?):(\d+)/.exec(out);
      if (!m) return;
      proc.stdout!.off('data', check);
      clearTimeout(timer);
      const port = Number(m[2]);
      resolve({
        name,
        url: `http://127.0.0.1:${port}`,
        port,
        proc,
        output: () => out,
        kill: async (signal) => {
          if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
          return exited;
        },
      });
    };
    proc.stdout!.on('data', check);
  });
}
