// Starts @vercel/cosmosdb-server on loopback (HTTPS, self-signed, in memory) and prints the port it got.
// keepAlive: without it every request pays a new TLS handshake (../../shared/COSMOS-EMULATOR.md).
const server = require('@vercel/cosmosdb-server').default({ keepAlive: true });
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
// Ends with the test process: the fixture closes stdin when it stops (or dies).
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
