// The load generator: one Node process (pinned by the caller to its own core) that opens every client,
// sends on an open-loop schedule and measures end-to-end latency from a monotonic timestamp in the payload.
// Senders and receivers live in this process, so the timestamp and the receive time share one clock.
// usage: node loadgen.js CONFIG.json   -> prints one JSON result line on stdout
'use strict';
const fs = require('fs');
const { performance } = require('perf_hooks');
const { io } = require('socket.io-client');
const WebSocket = require('ws');

const cfg = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const seed = JSON.parse(fs.readFileSync(cfg.seed, 'utf8'));
const PAYLOAD = cfg.payloadBytes || 200;
const TICK = Number(cfg.clkTck || 100);
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Unique per generator run: the hub answers a re-used client_msg_id with the stored original and does not
// broadcast it again, so a second pass against the same hub (T8) would otherwise see no deliveries at all.
const RUN = `${process.pid}.${Date.now().toString(36)}`;
const log = (...a) => { if (cfg.verbose) console.error('[loadgen]', ...a); };

function cpuTicks(pid) {
  const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]); // utime + stime (fields 14, 15)
}
function rssKiB(pid) {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}
const cpuAll = () => (cfg.pids || []).reduce((a, p) => a + cpuTicks(p), 0);
const rssAll = () => (cfg.pids || []).reduce((a, p) => a + rssKiB(p), 0);

function pct(arr, p) {
  if (!arr.length) return null;
  const a = Float64Array.from(arr).sort();
  return a[Math.min(a.length - 1, Math.floor((p / 100) * a.length))];
}
function summary(arr) {
  return { n: arr.length, p50: pct(arr, 50), p90: pct(arr, 90), p99: pct(arr, 99), max: pct(arr, 100) };
}

function makeContent(stamp, step) {
  const head = `t=${stamp.toFixed(3)};s=${step};`;
  return head + 'x'.repeat(Math.max(0, PAYLOAD - head.length));
}
function stampOf(content) {
  const semi = content.indexOf(';');
  const semi2 = content.indexOf(';', semi + 1);
  return [parseFloat(content.slice(2, semi)), parseInt(content.slice(semi + 3, semi2), 10)];
}

// ---- per-step measurement state
const steps = [];
function newStep(meta) {
  const st = { ...meta, lat: [], latRemote: [], ack: [], sent: 0, acked: 0, ackErrors: 0, delivered: 0,
    expected: 0, bad: 0 };
  steps.push(st);
  return st;
}
function onDelivery(content, remote) {
  const t = now();
  const [stamp, si] = stampOf(content);
  const st = steps[si];
  if (!st) return;
  st.delivered += 1;
  (remote ? st.latRemote : st.lat).push(t - stamp);
}

// ---- cards (T6): a broadcast of version v of a card is timed from the scheduled time of the click that made v
const cardsByChannel = new Map(); // channel id -> { id, version }
const clickOf = new Map(); // `${card}:${version}` -> { stamp, step }
let cardRecv = []; // [card, version, receive time] for the current step, matched after it
function onCardPosted(card, channelId) {
  if (cfg.mode === 'card' && card.kind === 'poll' && !cardsByChannel.has(channelId)) {
    cardsByChannel.set(channelId, { id: card.id, version: card.version });
  }
}
function onCardUpdated(card) { cardRecv.push([card.id, card.version, now()]); }

// ---- clients
class Client {
  constructor(i, url) {
    this.i = i;
    this.url = url;
    this.remote = cfg.urls && url !== cfg.urls[0];
    this.token = seed.tokens[i];
    this.pending = new Map();
    this.nextId = 1;
  }
  connect() {
    return new Promise((resolve, reject) => {
      if (cfg.proto === 'ws') {
        const ws = new WebSocket(this.url.replace(/^http/, 'ws') + '/ws?token=' + encodeURIComponent(this.token));
        this.ws = ws;
        ws.on('open', resolve);
        ws.on('error', reject);
        ws.on('message', (raw) => {
          const m = JSON.parse(raw.toString());
          if (m.e === 'new') onDelivery(m.message.content, this.remote);
          else if (m.e === 'ack') this.resolveAck(m.id, true);
        });
      } else {
        const s = io(this.url, { transports: ['websocket'], auth: { token: this.token }, reconnection: false,
          forceNew: true, timeout: 60000 });
        this.s = s;
        s.once('connect', resolve);
        s.once('connect_error', (e) => reject(e));
        s.on('message.new', (d) => {
          const card = d.message.card;
          if (card) onCardPosted(card, d.message.channel_id);
          else onDelivery(d.message.content, this.remote);
        });
        if (cfg.mode === 'card') s.on('card.updated', (d) => onCardUpdated(d.card));
      }
    });
  }
  resolveAck(id, ok) {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    const st = steps[p.step];
    if (ok) { st.acked += 1; st.ack.push(now() - p.stamp); } else st.ackErrors += 1;
  }
  send(channelId, stamp, stepIdx) {
    const id = this.nextId++;
    const content = makeContent(stamp, stepIdx);
    this.pending.set(id, { stamp, step: stepIdx });
    if (cfg.proto === 'ws') {
      this.ws.send(JSON.stringify({ e: 'send', channel_id: channelId, content, id }));
    } else {
      this.s.emit('message.send', { channel_id: channelId, content, client_msg_id: `g${RUN}-${this.i}-${id}` },
        (r) => this.resolveAck(id, !!(r && r.ok)));
    }
  }
  act(card, stamp, stepIdx, k) {
    const st = steps[stepIdx];
    this.s.emit('card.action', { card_id: card.id, action_id: `vote:${k % 3}`, version: card.version,
      request_id: `b${RUN}-${stepIdx}-${k}` }, (r) => {
      if (r && r.ok) {
        st.acked += 1;
        st.ack.push(now() - stamp);
        clickOf.set(`${card.id}:${r.data.card.version}`, { stamp, step: stepIdx });
      } else {
        st.ackErrors += 1;
        if (st.ackErrors < 3) console.error('[loadgen] card.action error', JSON.stringify(r));
      }
    });
  }
  close() {
    if (this.ws) this.ws.terminate();
    if (this.s) this.s.disconnect();
  }
}

async function connectAll(n) {
  const urls = cfg.urls || [cfg.url];
  const clients = [];
  const times = [];
  let errors = 0;
  let next = 0;
  const t0 = now();
  const conc = cfg.connectConcurrency || 200;
  async function worker() {
    while (next < n) {
      const i = next++;
      const c = new Client(i, urls[i % urls.length]);
      const ts = now();
      try {
        await c.connect();
        times.push(now() - ts);
        clients[i] = c;
      } catch (e) {
        errors += 1;
        if (errors < 5) console.error('[loadgen] connect error', String(e && e.message || e));
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(conc, n) }, worker));
  const ms = now() - t0;
  return { clients, result: { n, connected: n - errors, errors, ms, per_s: (n - errors) / (ms / 1000),
    latency: summary(times) } };
}

// Channel fan-out counted over the connected clients only.
function fanout(clients) {
  const f = new Map();
  seed.channels.forEach((ch) => f.set(ch.id, ch.members.filter((m) => clients[m]).length));
  return f;
}

async function runStep(clients, pick, meta, fan) {
  const st = newStep(meta);
  const si = steps.length - 1;
  const total = Math.round(meta.rate * meta.duration);
  const cpu0 = cpuAll();
  const t0 = now() + 20;
  let k = 0;
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((now() - t0) * meta.rate) / 1000) + 1);
      while (k < due) {
        const [client, chan] = pick(k);
        const stamp = t0 + (k * 1000) / meta.rate; // the scheduled time: no coordinated omission
        if (cfg.mode === 'card') client.act(cardsByChannel.get(chan), stamp, si, k);
        else client.send(chan, stamp, si);
        st.sent += 1;
        st.expected += fan.get(chan);
        k += 1;
      }
      if (k >= total) { clearInterval(timer); resolve(); }
    }, 1);
  });
  const tEnd = now();
  // Drain: wait (bounded) for what was sent to arrive.
  const drainUntil = tEnd + (cfg.drainMs || 3000);
  const arrived = () => (cfg.mode === 'card' ? cardRecv.length >= st.expected : st.delivered >= st.expected);
  while (now() < drainUntil && (!arrived() || st.acked + st.ackErrors < st.sent)) await sleep(10);
  const cpu1 = cpuAll();
  const cpuMs = ((cpu1 - cpu0) * 1000) / TICK;
  if (cfg.mode === 'card') { // match broadcasts to the clicks that caused them
    for (const [card, version, t] of cardRecv) {
      const click = clickOf.get(`${card}:${version}`);
      if (click && click.step === si) { st.delivered += 1; st.lat.push(t - click.stamp); }
    }
    cardRecv = [];
    clickOf.clear();
  }
  const out = { rate: meta.rate, duration: meta.duration, sent: st.sent, acked: st.acked, ack_errors: st.ackErrors,
    expected: st.expected, delivered: st.delivered, lost: st.expected - st.delivered,
    deliveries_per_s: st.delivered / meta.duration, sends_per_s: st.acked / meta.duration,
    latency: summary(st.lat.concat(st.latRemote)), ack: summary(st.ack),
    cpu_ms: cpuMs, cpu_ms_per_1k_deliveries: st.delivered ? (cpuMs / st.delivered) * 1000 : null };
  if (cfg.urls) { out.latency_local = summary(st.lat); out.latency_remote = summary(st.latRemote); }
  st.lat = st.latRemote = st.ack = []; // free memory
  log(JSON.stringify({ rate: out.rate, dps: Math.round(out.deliveries_per_s), p99: out.latency.p99, ack99: out.ack.p99, lost: out.lost }));
  return out;
}

function rng(seedN) { let x = seedN >>> 0 || 1; return () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) / 4294967296; }; }

async function main() {
  const result = { mode: cfg.mode, proto: cfg.proto };
  const rss0 = rssAll();
  const { clients, result: conn } = await connectAll(cfg.clients);
  result.connect = conn;
  const live = clients.filter(Boolean);
  const fan = fanout(clients);
  await sleep(cfg.settleMs || 1500);

  if (cfg.mode === 'idle') {
    await sleep(2000);
    const rss1 = rssAll();
    const c0 = cpuAll(); const t0 = now();
    await sleep((cfg.idleSeconds || 10) * 1000);
    const cpuMs = ((cpuAll() - c0) * 1000) / TICK;
    result.idle = { rss_before_kib: rss0, rss_after_kib: rss1, kib_per_conn: (rss1 - rss0) / Math.max(1, live.length),
      cpu_pct: (100 * cpuMs) / (now() - t0), seconds: (now() - t0) / 1000 };
  } else if (cfg.mode === 'fanout' || cfg.mode === 'chat' || cfg.mode === 'steady' || cfg.mode === 'card') {
    let pick;
    if (cfg.mode === 'card') {
      // One poll per channel, posted through the real slash command by the channel's first member.
      for (const ch of seed.channels) {
        const owner = clients[ch.members[0]];
        const r = await new Promise((res) => owner.s.emit('command.run',
          { channel_id: ch.id, text: '/poll "压测投票" 甲 乙 丙' }, res));
        if (!r || !r.ok) throw new Error('command.run failed: ' + JSON.stringify(r));
      }
      for (let i = 0; i < 500 && cardsByChannel.size < seed.channels.length; i++) await sleep(10);
      if (cardsByChannel.size < seed.channels.length) throw new Error('poll cards did not arrive');
      cardRecv = [];
      const r = rng(7);
      pick = () => {
        const ch = seed.channels[Math.floor(r() * seed.channels.length)];
        const m = ch.members[Math.floor(r() * ch.members.length)];
        return [clients[m], ch.id];
      };
    } else if (cfg.mode === 'chat') {
      const r = rng(42);
      pick = () => {
        for (;;) {
          const c = live[Math.floor(r() * live.length)];
          const chans = seed.user_channels[c.i];
          if (chans.length) return [c, seed.channels[chans[Math.floor(r() * chans.length)]].id];
        }
      };
    } else {
      const senders = (cfg.senders || [0]).map((i) => clients[i]);
      pick = (k) => { const c = senders[k % senders.length]; return [c, seed.channels[seed.user_channels[c.i][0]].id]; };
    }
    result.steps = [];
    if (cfg.warmupS !== 0) { // JIT and socket buffers warm up at a light load; not reported
      await runStep(clients, pick, { rate: cfg.steps[0].rate, duration: cfg.warmupS || 2 }, fan);
      await sleep(300);
    }
    for (const meta of cfg.steps) {
      const out = await runStep(clients, pick, meta, fan);
      result.steps.push(out);
      const bad = (out.latency.p99 !== null && out.latency.p99 > cfg.stopP99) || (out.ack.p99 || 0) > cfg.stopP99
        || out.lost > 0.01 * out.expected || out.ack_errors > 0;
      if (cfg.stopP99 && bad) break;
      if (cfg.pauseMs) await sleep(cfg.pauseMs);
    }
  } else if (cfg.mode === 'history') {
    const total = Math.round(cfg.rate * cfg.duration);
    const lat = []; let errors = 0; let bad = 0; let done = 0;
    const cid = seed.channels[0].id;
    const token = seed.tokens[0];
    const url = `${cfg.url}/api/v1/channels/${cid}/messages?limit=${cfg.pageSize || 50}`;
    const c0 = cpuAll(); const t0 = now() + 20; let k = 0;
    await new Promise((resolve) => {
      const timer = setInterval(() => {
        const due = Math.min(total, Math.floor(((now() - t0) * cfg.rate) / 1000) + 1);
        while (k < due) {
          const stamp = t0 + (k * 1000) / cfg.rate; k += 1;
          fetch(url, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json().then((b) => {
            lat.push(now() - stamp);
            if (!b.messages || b.messages.length !== (cfg.pageSize || 50)) bad += 1;
          })).catch(() => { errors += 1; }).finally(() => { done += 1; });
        }
        if (k >= total) { clearInterval(timer); resolve(); }
      }, 1);
    });
    const until = now() + 5000;
    while (done < total && now() < until) await sleep(10);
    const cpuMs = ((cpuAll() - c0) * 1000) / TICK;
    result.history = { rate: cfg.rate, requests: total, errors, bad_pages: bad, latency: summary(lat),
      cpu_ms_per_request: cpuMs / Math.max(1, done) };
  }
  for (const c of live) c.close();
  process.stdout.write(JSON.stringify(result) + '\n');
  setTimeout(() => process.exit(0), 200);
}

main().catch((e) => { console.error(e); process.exit(1); });
