import { type Command, Option } from 'commander';
import { systemClock } from '../../clock.js';
import { findWorkspaceByName, listWorkspaceNames } from '../../keys/key-repository.js';
import { clearPlan, METRICS, type Metric, type PlanChange, type PlanLimits, readPlan, writePlan } from '../../usage/plan-limits.js';
import { CliError, EXIT } from '../exit-codes.js';
import type { CommandResult, Done } from '../result.js';
import { withDb } from './keys.js';

// `agentline plans show|set|clear`: the operator's plan limits per workspace, on the database
// file. No API key can change them: they are what the workspace is allowed, not a setting of it.

const out = (s: string) => process.stdout.write(`${s}\n`);

const FLAGS: Record<Metric, string> = {
  tokens: '--tokens <n>', executions: '--executions <n>', minutes: '--minutes <n>', sms_segments: '--sms-segments <n>', numbers: '--numbers <n>',
};
const OPTION_KEY: Record<Metric, string> = { tokens: 'tokens', executions: 'executions', minutes: 'minutes', sms_segments: 'smsSegments', numbers: 'numbers' };
const HELP: Record<Metric, string> = {
  tokens: 'model tokens a month', executions: 'agent executions a month', minutes: 'billed call minutes a month',
  sms_segments: 'charged SMS segments a month', numbers: 'active numbers',
};

/** A limit as typed: a whole number, or `none` for no limit. */
function parseLimit(flag: string, value: string): number | null {
  if (value === 'none') return null;
  if (!/^[0-9]{1,15}$/.test(value)) throw new CliError(`${flag} takes a whole number or "none", not "${value}".`, EXIT.usage);
  return Number(value);
}

async function workspaceId(name: string, db: Parameters<typeof findWorkspaceByName>[0]): Promise<string> {
  const ws = await findWorkspaceByName(db, name);
  if (!ws) {
    const known = await listWorkspaceNames(db);
    throw new CliError(`No workspace "${name}"${known.length ? ` (there are: ${known.join(', ')})` : ''}.`);
  }
  return ws.id;
}

function describePlan(name: string, p: PlanLimits): string {
  const lines = [`Workspace "${name}": plan "${p.plan}", enforcement ${p.enforcement} (${p.enforcement === 'block' ? 'a reached limit refuses new calls, SMS or numbers' : 'a reached limit emits usage.limit_exceeded'})`];
  for (const m of METRICS) lines.push(`  ${m.padEnd(13)} ${p.limits[m] === null ? 'unlimited' : String(p.limits[m])}`);
  return lines.join('\n');
}

type SetOptions = { workspace: string; plan?: string; enforce?: 'warn' | 'block'; json?: boolean } & Record<string, string | undefined>;

export function plansCommand(program: Command, done: Done): void {
  const plans = program.command('plans').description('show and set workspaces\' plan limits (directly on the database; operator only)');

  plans
    .command('show')
    .description('print a workspace\'s plan limits')
    .requiredOption('--workspace <name>', 'the workspace')
    .option('--json', 'print one JSON object')
    .action((o: { workspace: string; json?: boolean }) => done(show(o)));

  const set = plans
    .command('set')
    .description('set a workspace\'s plan limits (merged with the current ones); a limit of "none" removes it')
    .requiredOption('--workspace <name>', 'the workspace')
    .option('--plan <name>', 'the plan\'s name, shown in GET /v1/usage/stats (e.g. free, pro)')
    .addOption(new Option('--enforce <how>', 'warn: emit usage.limit_exceeded; block: also refuse new calls, SMS or numbers with 402').choices(['warn', 'block']))
    .option('--json', 'print the plan as one JSON object');
  for (const m of METRICS) set.option(FLAGS[m], HELP[m]);
  set.action((o: SetOptions) => done(update(o)));

  plans
    .command('clear')
    .description('remove a workspace\'s plan: no limits')
    .requiredOption('--workspace <name>', 'the workspace')
    .action((o: { workspace: string }) => done(clear(o)));
}

async function show(o: { workspace: string; json?: boolean }): Promise<CommandResult> {
  const plan = await withDb(async (opened) => readPlan(opened.db, await workspaceId(o.workspace, opened.db)));
  out(o.json ? JSON.stringify({ workspace: o.workspace, ...plan }) : describePlan(o.workspace, plan));
  return EXIT.ok;
}

async function update(o: SetOptions): Promise<CommandResult> {
  const limits: PlanChange['limits'] = {};
  for (const m of METRICS) {
    const v = o[OPTION_KEY[m]];
    if (v !== undefined) limits[m] = parseLimit(FLAGS[m].split(' ')[0]!, v);
  }
  if (o.plan !== undefined && !/^[\w.-]{1,40}$/.test(o.plan)) throw new CliError('--plan names are 1-40 letters, digits, _ . or -.', EXIT.usage);
  const plan = await withDb(async (opened) =>
    writePlan(opened.db, await workspaceId(o.workspace, opened.db), { plan: o.plan, enforcement: o.enforce, limits }, systemClock.now()),
  );
  out(o.json ? JSON.stringify({ workspace: o.workspace, ...plan }) : describePlan(o.workspace, plan));
  return EXIT.ok;
}

async function clear(o: { workspace: string }): Promise<CommandResult> {
  const removed = await withDb(async (opened) => clearPlan(opened.db, await workspaceId(o.workspace, opened.db)));
  out(removed ? `Workspace "${o.workspace}" has no plan limits now.` : `Workspace "${o.workspace}" had no plan limits.`);
  return EXIT.ok;
}
