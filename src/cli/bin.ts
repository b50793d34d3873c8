// The `plan-lens` command (package.json "bin", built to plain JavaScript by scripts/build-cli.mjs) and `npm run check`.
import { main } from './check';

// `plan-lens check … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`plan-lens: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
