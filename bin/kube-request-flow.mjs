#!/usr/bin/env node
// The headless grader: `npx kube-request-flow check <file.yaml>...` plays each lesson or scenario
// file through the simulator in Node and prints one verdict per step; exit code 1 on any failure.
// The grader is TypeScript (src/cli/grade.ts); Vite's module runner loads it as the app's
// build would (with `?raw` and `import.meta.glob`), so there is no build step to forget.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = `Usage: kube-request-flow check [--lang=en|zh-CN] [--no-extensions] <file.yaml>...

Plays each lesson (its steps, in order, on one world) or scenario (each request on a fresh
world) through the simulated kube-apiserver and prints each step's verdict.
  --lang=zh-CN      print the lesson's Chinese texts, and fail on any missing translation
  --no-extensions   skip OpenAPI schema checks and CEL policies (faster; as the app before they load)
Exit code: 0 when every step passes, 1 when one fails or a file is invalid, 2 on a usage error.`;

function parseArgs(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return { help: true };
  if (command !== 'check')
    return { error: command === undefined ? 'no command' : `unknown command "${command}"` };
  const options = { language: 'en', extensions: true, files: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--no-extensions') options.extensions = false;
    else if (arg === '--lang') options.language = rest[++i];
    else if (arg.startsWith('--lang=')) options.language = arg.slice('--lang='.length);
    else if (arg === '--help' || arg === '-h') return { help: true };
    else if (arg.startsWith('-')) return { error: `unknown flag "${arg}"` };
    else options.files.push(arg);
  }
  if (!['en', 'zh-CN'].includes(options.language)) return { error: `unknown language "${options.language}"` };
  if (options.files.length === 0) return { error: 'no file to check' };
  return options;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.error !== undefined) {
    console.error(`kube-request-flow: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const { createServer, createServerModuleRunner } = await import('vite');
  // A dev server without a port (middleware mode): only its module graph, to run src/ in Node.
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  });
  const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
  try {
    return await grade(await runner.import('/src/cli/grade.ts'), args);
  } finally {
    await runner.close();
    await server.close();
  }
}

async function grade(grader, args) {
  const extensions = args.extensions ? await grader.loadGraderExtensions() : undefined;
  let ok = true;
  for (const file of args.files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.log(`✗ ${file}: ${error instanceof Error ? error.message : String(error)}`);
      ok = false;
      continue;
    }
    const result = grader.gradeText(file, text, { language: args.language, extensions });
    console.log(result.lines.join('\n'));
    ok &&= result.ok;
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
