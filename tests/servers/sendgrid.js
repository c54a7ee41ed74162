// A local stand-in for SendGrid's v3 API, for running the system by hand on the Azure adapters:
//   node sendgrid.js <port> <file.jsonl>
// POST /v3/mail/send appends the request body as one JSON line to the file and answers 202; GET /v3/messages answers
// the activity query by the netvaerk_key custom arg from what was accepted. The tests use RecordingSendGrid.cs instead.
const http = require('http');
const fs = require('fs');
const [port, file] = [Number(process.argv[2] || 3030), process.argv[3] || 'sendgrid.jsonl'];
const keys = new Set();
http.createServer((req, res) => {
  if (req.method === 'POST' && req.url.startsWith('/v3/mail/send')) {
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const mail = JSON.parse(body);
      keys.add((mail.custom_args || {}).netvaerk_key);
      fs.appendFileSync(file, JSON.stringify(mail) + '\n');
      console.log(`accepted ${mail.personalizations[0].to[0].email}: ${mail.subject}`);
      res.writeHead(202); res.end();
    });
  } else if (req.method === 'GET' && req.url.startsWith('/v3/messages')) {
    const query = new URL(req.url, 'http://x').searchParams.get('query') || '';
    const key = (query.match(/="(.*)"$/) || [])[1];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ messages: keys.has(key) ? [{ msg_id: 'local', status: 'processed' }] : [] }));
  } else {
    res.writeHead(404); res.end();
  }
}).listen(port, '127.0.0.1', () => console.log(`listening ${port}`));
