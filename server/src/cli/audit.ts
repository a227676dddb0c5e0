import { parseArgs } from 'node:util';
import { verifyAudit } from '../features/audit/audit.service.ts';
import { CommandError, parseCommandLine, usageError, type Command } from './command.ts';
import { describeDatabase, withDatabase } from './database.ts';

const usage = `Usage: hms audit verify [--json]

Checks the audit log's keyed hash chain with the audit key (HMS_AUDIT_KEY, HMS_AUDIT_KEY_FILE or
audit.key in the data directory): every row must match its HMAC and link to the row before it, and the
chain head must match the last row. Exits 0 when the chain is intact, 1 at the first row that is not
(printed), so that it can run from cron or a monitoring check. Reads only; never creates a key.`;

const PROBLEMS: Record<string, string> = {
  sequence: 'a row is missing or out of order',
  link: 'the row does not link to the hash of the row before it',
  content: 'the row does not match its hash (it was changed)',
  unkeyed: 'the row carries no HMAC although it comes after the anchor (rewritten with plain SHA-256)',
  unknown_key: 'the row was signed with a different key than the configured one',
  anchor: 'the chain has no valid anchor row',
  head: 'the chain head does not match the last row (rows were removed or the head was changed)',
};

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the audit log\'s keyed hash chain (audit verify)',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandLine(
      () => parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }),
      usage,
    );
    if (values.help) {
      console.log(usage);
      return;
    }
    if (positionals.length !== 1 || positionals[0] !== 'verify') throw usageError('the only audit sub-command is `verify`', usage);
    const report = await withDatabase(async (handle, config) => {
      if (!values.json) console.error(`hms: verifying the audit log of the ${describeDatabase(config)}`);
      return verifyAudit(handle.db);
    }, { createKey: false });
    if (values.json) console.log(JSON.stringify(report));
    else if (report.intact) console.log(`audit log intact: ${report.checked} rows verified`);
    if (!report.intact) {
      const why = PROBLEMS[report.problem ?? ''] ?? 'it does not verify';
      throw new CommandError(`the audit log is NOT intact: first bad row seq ${report.brokenAtSeq}: ${why} (${report.checked} rows before it verified)`);
    }
  },
};
