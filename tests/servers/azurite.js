// Starts Azurite on loopback, in memory; prints "listening <port>" when ready. `azurite.js <port>`: the queue service
// on that port. `azurite.js <port> --all`: blob, queue and table on <port>, <port>+1, <port>+2 (what the Durable Task
// Azure Storage backend needs).
const { spawn } = require('child_process');
const path = require('path');
const port = Number(process.argv[2]);
const all = process.argv.includes('--all');
const dist = path.join(__dirname, 'node_modules', 'azurite', 'dist', 'src');
const common = ['--skipApiVersionCheck', '--disableTelemetry', '--inMemoryPersistence', '--extentMemoryLimit', '256', '--silent'];
const args = all
  ? [path.join(dist, 'azurite.js'), '--blobHost', '127.0.0.1', '--blobPort', String(port), '--queueHost', '127.0.0.1',
     '--queuePort', String(port + 1), '--tableHost', '127.0.0.1', '--tablePort', String(port + 2), ...common]
  : [path.join(dist, 'queue', 'main.js'), '--queueHost', '127.0.0.1', '--queuePort', String(port), ...common];
const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
let ready = 0;
child.stdout.on('data', d => {
  process.stdout.write(d);
  ready += (String(d).match(/successfully listen/gi) || []).length;
  if (ready === (all ? 3 : 1)) console.log(`listening ${port}`);
});
child.on('exit', code => process.exit(code ?? 1));
process.on('SIGTERM', () => child.kill());
process.on('SIGINT', () => { child.kill(); process.exit(0); });
// Started by a test fixture (which sets NETVAERK_FIXTURE), it ends when the fixture closes stdin or dies.
if (process.env.NETVAERK_FIXTURE) {
  process.stdin.on('end', () => { child.kill(); process.exit(0); });
  process.stdin.resume();
}
