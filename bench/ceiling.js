// The ceiling: a bare node:http server answering a small JSON document, to compare the app against
// on the same machine in the same run. Usage: node bench/ceiling.js PORT
import http from 'node:http';

const port = Number(process.argv[2] ?? 0);
const body = JSON.stringify({ status: 'ok', service: 'ceiling', items: [{ id: 1, name: 'slot' }] });
const server = http.createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
