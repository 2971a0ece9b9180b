import { runCli } from './cli/program.ts';

/**
 * Entry point of the `sportello` command (bin/sportello.js runs it through tsx). `start` returns
 * only once the server has shut down; then, as after any other command, the process exits with
 * the command's code even if a library left a timer or a pool behind.
 */
process.exit(await runCli(process.argv));
