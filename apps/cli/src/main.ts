import 'reflect-metadata';
import { DomainError, exitOnUnsupportedNode } from '@app/common';

// Before the other modules load: on an old Node.js they would fail with a less helpful error.
exitOnUnsupportedNode();

import { Command, Option } from 'commander';
import { ROLES } from '@app/access';
import {
  assignCommand,
  documentsCommand,
  importCommand,
  measuresCommand,
  suggestCommand,
} from './commands/documents.commands';
import { parseCommand } from './commands/parse.command';
import { reportCommand } from './commands/report.command';
import { ledgerCommand } from './commands/ledger.command';
import { seedImportCommand } from './commands/seed-import.command';
import { createUserCommand, loadUnitsCommand, migrateCommand } from './commands/setup.commands';
import { demoUsersCommand, launchCommand, verifyChainCommand } from './commands/workflow.commands';
import { reportFailure } from './output';

const program = new Command('supervision').description(
  '督查督办 engine: documents, units and users from the command line',
);

program
  .command('migrate')
  .description('apply pending database migrations (creates the database if missing)')
  .action(migrateCommand);
program
  .command('units:load')
  .description('load the unit directory idempotently')
  .option('--file <path>', 'unit directory JSON (default seeds/units.json)')
  .action(loadUnitsCommand);
program
  .command('parse <file>')
  .description('parse a document (.docx, .doc, .pdf, .html or text) without storing it')
  .option('--json', 'print the parse result as one JSON document')
  .action(parseCommand);
program
  .command('import <files...>')
  .description('import documents (one transaction each)')
  .option('--json', 'print the outcome as JSON')
  .option('--by <name>', 'who imports (recorded)')
  .action(async (files: string[], options: { json?: boolean; by?: string }) => {
    await importCommand(files, options);
  });
program.command('documents').description('list imported documents').option('--json').action(documentsCommand);
program
  .command('measures <document>')
  .description('list the measures of a document (by 文号 or id)')
  .option('--json')
  .option('--needs-assignment', 'only measures still waiting for units')
  .action(measuresCommand);
program
  .command('suggest <document> <path>')
  .description('suggest units for a measure')
  .option('--json')
  .action(suggestCommand);
program
  .command('assign <document> <path>')
  .description('name the units of a measure, or accept the suggestion')
  .option('--lead <code>', 'lead unit code')
  .option('--co <codes>', 'co-responsible unit codes, comma separated')
  .option('--accept-suggestion', 'assign the suggested units')
  .option('--note <text>')
  .option('--by <name>', 'who assigns (recorded)')
  .option('--json')
  .hook('preAction', (command) => {
    const options = command.opts();
    if (!options.lead && !options.acceptSuggestion)
      throw new DomainError('invalid', 'LEAD_REQUIRED', '请用 --lead 指定牵头单位，或用 --accept-suggestion 采纳建议', {
        field: '--lead',
      });
  })
  .action(assignCommand);
program
  .command('user:create')
  .description('create a user; the password comes from an environment variable')
  .requiredOption('--username <name>')
  .requiredOption('--unit <code>', 'unit code from the directory')
  .addOption(new Option('--role <role...>', 'one or more roles').choices([...ROLES]).makeOptionMandatory())
  .option('--name <displayName>')
  .option('--password-env <variable>', 'environment variable holding the password', 'NEW_USER_PASSWORD')
  .action(createUserCommand);
program
  .command('launch <document>')
  .description('launch a document (or some of its measures) as the supervision office')
  .option('--measure <path...>', 'only these measures, by numbering path')
  .option('--deadline <date>', 'deadline (YYYY-MM-DD) for measures whose text gives none')
  .option('--by <name>', 'who launches (recorded)')
  .option('--json')
  .action(launchCommand);
program
  .command('users:demo')
  .description('create the demo users: supervisor, leadership, admin, an officer and a leader per unit')
  .action(demoUsersCommand);
program
  .command('verify-chain <workflowId>')
  .description("check a workflow's hash-chained history")
  .option('--json')
  .action(verifyChainCommand);
program
  .command('report <document>')
  .description('write the quarterly report (docx, xlsx, json) of a document, by id or 文号')
  .requiredOption('--quarter <quarter>', 'quarter, e.g. 2022Q3')
  .requiredOption('--out <dir>', 'folder to write the three files into')
  .option('--as-of <moment>', "ISO 8601 moment the figures describe (default: the quarter's end)")
  .option('--unit <code>', "limit the report to one unit's tasks")
  .action(reportCommand);
program
  .command('ledger <document>')
  .description('write the 台账 of a document, by id or 文号: every task as it stands now, as .xlsx')
  .requiredOption('--out <file>', 'the .xlsx file to write')
  .option('--unit <code>', "only one unit's tasks")
  .action(ledgerCommand);
program
  .command('seed-import')
  .description('migrate, load units and import both seed documents')
  .action(seedImportCommand);

/** Exit only once stdout is flushed: a large JSON document piped to another program must arrive whole. */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

program.parseAsync(process.argv).then(
  () => exitAfterFlush(0),
  (error: unknown) => exitAfterFlush(reportFailure(error)),
);
