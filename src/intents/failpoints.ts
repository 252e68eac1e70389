// TEST-ONLY crash injection. With AGENTLINE_FAILPOINT=<name> the process SIGKILLs itself when
// it reaches that point, so the crash tests (test/intents/) can stop a real gateway between a
// carrier side effect and its bookkeeping. Unset (always, outside those tests) every call is a
// no-op. It is read here rather than in config.ts on purpose: it is not a setting anyone should
// configure, and keeping it out of the config table keeps it out of the documentation.

export type Failpoint =
  | 'sms.after_intent'
  | 'sms.after_carrier'
  | 'sms.after_record'
  | 'number.after_intent'
  | 'number.after_carrier'
  | 'number.after_record'
  | 'call.after_intent'
  | 'call.after_carrier'
  | 'call.after_record';

const armed = process.env.AGENTLINE_FAILPOINT;

export function failpoint(name: Failpoint): void {
  if (armed === name) process.kill(process.pid, 'SIGKILL');
}
