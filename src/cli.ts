import { main } from './cli/index.js';

// The `agentline` command's entry point (bin/agentline.mjs and the Docker image run dist/cli.js).

main(process.argv.slice(2)).then((code) => {
  if (code !== 'running') process.exitCode = code;
});
