// Starts @vercel/cosmosdb-server on loopback (HTTPS, self-signed, in memory) and prints "listening <port>".
//   node cosmos.js [port] [--real-404]
// keepAlive: without it every request pays a new TLS handshake (../../shared/COSMOS-EMULATOR.md).
// --real-404 (for running the system by hand): a small proxy in front answers a read of a missing document with the
// real service's 404, where this server answers 500. The tests use their own proxy (tests/servers/CosmosServer.cs).
const https = require('https');
const fs = require('fs');
const path = require('path');
const cosmos = require('@vercel/cosmosdb-server').default;

const port = Number(process.argv[2] || 0);
const real404 = process.argv.includes('--real-404');
const server = cosmos({ keepAlive: true });

if (!real404) {
  server.listen(port, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
} else {
  server.listen(0, '127.0.0.1', () => {
    const inner = server.address().port;
    const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
    const dir = path.dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
    const proxy = https.createServer({ cert: fs.readFileSync(path.join(dir, 'cert.pem')), key: fs.readFileSync(path.join(dir, 'key.pem')) }, (req, res) => {
      const upstream = https.request({ host: '127.0.0.1', port: inner, method: req.method, path: req.url, headers: req.headers, agent }, up => {
        const chunks = [];
        up.on('data', c => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          if (up.statusCode === 500 && body.includes('Cannot read properties of undefined')) {
            res.writeHead(404, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ code: 'NotFound', message: 'Entity with the specified id does not exist in the system.' }));
            return;
          }
          const headers = { ...up.headers };
          delete headers['transfer-encoding'];
          headers['content-length'] = body.length;
          res.writeHead(up.statusCode, headers);
          res.end(body);
        });
      });
      upstream.on('error', e => { res.writeHead(502); res.end(String(e)); });
      req.pipe(upstream);
    });
    proxy.keepAliveTimeout = 60000;
    proxy.listen(port, '127.0.0.1', () => console.log(`listening ${proxy.address().port}`));
  });
}

// Started by a test fixture (which sets NETVAERK_FIXTURE), it ends when the fixture closes stdin or dies; by hand,
// Ctrl+C or kill ends it.
if (process.env.NETVAERK_FIXTURE) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
