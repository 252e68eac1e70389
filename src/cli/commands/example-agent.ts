import type { Command } from 'commander';
import { V } from '../../config/variables.js';
import { startExampleAgent } from '../../examples/example-agent.js';
import { explainError } from '../explain-error.js';
import { defaultGatewayUrl, parsePort } from '../options.js';
import type { CommandResult, Done } from '../result.js';

export function exampleAgentCommand(program: Command, done: Done): void {
  program
    .command('example-agent')
    .description('run the example webhook agent (no model needed) for a test number to talk to')
    .option('--port <port>', 'port to listen on', parsePort, 4000)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .addHelpText('after', "\nWith AGENT_WEBHOOK_SECRET=whsec_... (the number's webhook_secret) it checks every request's signature.")
    .action((o: { port: number; host: string }) => done(exampleAgent(o)));
}

async function exampleAgent(o: { port: number; host: string }): Promise<CommandResult> {
  const gateway = defaultGatewayUrl();
  let agent: Awaited<ReturnType<typeof startExampleAgent>>;
  try {
    agent = await startExampleAgent({ port: o.port, host: o.host, secret: V.AGENT_WEBHOOK_SECRET.read(process.env) });
  } catch (e) {
    throw explainError(e, { port: o.port, host: o.host }) ?? e;
  }
  process.stdout.write(`Example agent listening on ${agent.url}\n`);
  process.stdout.write(
    `Point a number at it: curl -s ${gateway}/v1/numbers -H "Authorization: Bearer $AGENTLINE_KEY" -H 'Content-Type: application/json' -d '{"webhook_url": "${agent.url}", "area_code": "415", "first_message": "Hello! You are talking to the example agent."}'\n`,
  );
  return 'running';
}
