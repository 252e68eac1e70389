import { main } from './cli/index.js';

// The `agentline` command's entry point (bin/agentline.mjs and the Docker image run dist/cli.js).

// `agentline --help | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2)).then((code) => {
  if (code !== 'running') process.exitCode = code;
});
