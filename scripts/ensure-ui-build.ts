// Before `npm start`: builds the web apps when a build is missing
// (portal-ui/dist/index.html or modeler-ui/dist/index.html), so that the
// server has them to serve. Exits non-zero when the build fails.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builds = ['portal-ui/dist/index.html', 'modeler-ui/dist/index.html'];
const missing = builds.filter((file) => !existsSync(new URL(`../${file}`, import.meta.url)));

if (missing.length > 0) {
  process.stdout.write(`Missing ${missing.join(', ')}: running npm run build\n`);
  const build = spawn('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  build.on('error', (error) => {
    process.stderr.write(`npm run build could not start: ${error.message}\n`);
    process.exit(1);
  });
  build.on('exit', (code, signal) => {
    if (code !== 0) process.stderr.write(`npm run build failed (${signal ?? `exit ${code}`})\n`);
    process.exit(code ?? 1);
  });
}
