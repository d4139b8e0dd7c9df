// Reference (2): a bare Node Socket.IO 4 server doing room emits. Bench-only, not part of the product.
// Same wire shape as the hub: auth {token}, rooms per channel, `message.send` with ack, `message.new` to the room.
'use strict';
const fs = require('fs');
const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.argv[2]);
const seed = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const byToken = new Map();
seed.tokens.forEach((tok, i) => byToken.set(tok, seed.user_channels[i].map((c) => seed.channels[c].id)));
const seqs = new Map();

const server = http.createServer((req, res) => { res.writeHead(200); res.end('ok'); });
// perMessageDeflate is off by default in Socket.IO 4 (its documented default).
const io = new Server(server, { transports: ['websocket'], serveClient: false });
io.use((socket, next) => {
  const rooms = byToken.get(socket.handshake.auth && socket.handshake.auth.token);
  if (!rooms) return next(new Error('unauthenticated'));
  socket.data.rooms = rooms;
  next();
});
io.on('connection', (socket) => {
  for (const r of socket.data.rooms) socket.join('ch:' + r);
  socket.on('message.send', (p, ack) => {
    const seq = (seqs.get(p.channel_id) || 0) + 1;
    seqs.set(p.channel_id, seq);
    const message = { id: String(seq), channel_id: p.channel_id, seq, client_msg_id: p.client_msg_id,
      content: p.content, sender_id: 'x', created_at: new Date().toISOString() };
    if (typeof ack === 'function') ack({ ok: true, data: message });
    io.to('ch:' + p.channel_id).emit('message.new', { message });
  });
});
server.listen(port, '127.0.0.1', () => console.log('ready'));
