// Starts Azurite's queue service on loopback, in memory, on the port given; prints "listening <port>" when ready.
const { spawn } = require('child_process');
const path = require('path');
const port = process.argv[2];
const main = path.join(__dirname, 'node_modules', 'azurite', 'dist', 'src', 'queue', 'main.js');
const child = spawn(process.execPath, [main, '--queueHost', '127.0.0.1', '--queuePort', port,
  '--skipApiVersionCheck', '--disableTelemetry', '--inMemoryPersistence', '--extentMemoryLimit', '256', '--silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.on('data', d => {
  process.stdout.write(d);
  if (/successfully listen/i.test(String(d))) console.log(`listening ${port}`);
});
child.on('exit', code => process.exit(code ?? 1));
process.on('SIGTERM', () => child.kill());
process.on('SIGINT', () => { child.kill(); process.exit(0); });
// Started by a test fixture (which sets NETVAERK_FIXTURE), it ends when the fixture closes stdin or dies.
if (process.env.NETVAERK_FIXTURE) {
  process.stdin.on('end', () => { child.kill(); process.exit(0); });
  process.stdin.resume();
}
