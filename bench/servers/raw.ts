// The anchor: a bare node:http server answering the same JSON the reference server gives for
// GET /api/user/groups. Prints its URL on stdout.
import { createServer } from 'node:http';

const body = JSON.stringify({
  success: true,
  message: '',
  data: { default: { ratio: 1, desc: '默认分组' }, vip: { ratio: 1, desc: 'vip分组' } },
});
// POST /api/user/login gets a login answer, so the SDK's POST path can be measured too.
const login = JSON.stringify({ success: true, message: '', data: { id: 1, username: 'root', display_name: 'Root User', role: 100, status: 1, group: 'default' } });
const server = createServer((req, res) => {
  const answer = req.method === 'POST' ? login : body;
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`http://127.0.0.1:${address.port}`);
});
