// Loaded into the ×100 server by bench:scale (`node --require`): appends the process's memory
// (RSS, V8 heap used/total, external and ArrayBuffers, MB) once a second to BENCH_MEMORY_FILE, so the
// soak can report heap against RSS. Bench only; the server never loads it.
const { appendFileSync } = require('node:fs');

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  const mb = (bytes) => Math.round(bytes / 1048576);
  setInterval(() => {
    const m = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ t: Date.now(), rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) })}\n`);
  }, 1000).unref();
}
