// The cache dashboard: polls the admin API every 2 s and draws per-cache rates from the counters.
const API = "../api/admin/";
const POINTS = 60;
const history = {};
const $ = (id) => document.getElementById(id);
const text = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const bytes = (n) => n < 0 ? "?" : n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1048576).toFixed(1)} MiB`;

async function call(path, options = {}) {
  const response = await fetch(API + path, { credentials: "same-origin", ...options });
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.status === 204 ? null : response.json();
}

function remember(cache, now) {
  const series = history[cache.name] ??= [];
  const previous = series[series.length - 1];
  const seconds = previous ? (now - previous.at) / 1000 : 0;
  const rate = (field) => previous && seconds > 0 ? Math.max(0, (cache[field] - previous[field]) / seconds) : 0;
  series.push({ at: now, hits: cache.hits + cache.staleHits, misses: cache.misses, staleHits: cache.staleHits,
    hitRate: rate("hits") + rate("staleHits"), missRate: rate("misses"), ratio: cache.hitRatio });
  if (series.length > POINTS) series.shift();
  return series;
}

function draw(canvas, series) {
  const context = canvas.getContext("2d");
  const width = canvas.width = canvas.clientWidth * devicePixelRatio;
  const height = canvas.height = canvas.clientHeight * devicePixelRatio;
  context.clearRect(0, 0, width, height);
  const max = Math.max(1, ...series.map((p) => p.hitRate + p.missRate));
  const x = (i) => (i / (POINTS - 1)) * width;
  const line = (value, colour) => {
    context.beginPath();
    series.forEach((point, i) => context[i ? "lineTo" : "moveTo"](x(i), height - (value(point) / max) * height));
    context.strokeStyle = colour;
    context.lineWidth = 2 * devicePixelRatio;
    context.stroke();
  };
  line((p) => p.hitRate, "#2f6b3b");
  line((p) => p.missRate, "#b3261e");
  context.setLineDash([4, 4]);
  line((p) => p.ratio * max, "#8a968e");
}

function card(cache, series) {
  const last = series[series.length - 1];
  return `<article class="card" data-cache="${text(cache.name)}">
      <h3>${text(cache.name)} <span class="ratio">${(cache.hitRatio * 100).toFixed(1)}%</span></h3>
      <div class="numbers">
        <span>hits/s<b>${last.hitRate.toFixed(1)}</b></span><span>misses/s<b>${last.missRate.toFixed(1)}</b></span>
        <span>loads<b>${cache.loads}</b></span><span>entries<b>${cache.entries}</b></span>
        <span>memory<b>${bytes(cache.memoryBytes)}</b></span><span>errors<b>${cache.errors}</b></span>
        <span>TTL<b>${cache.ttlSeconds} s</b></span><span>stale window<b>${cache.staleWhileRevalidateSeconds} s</b></span>
        <span>get p99<b>${cache.getP99Millis.toFixed(2)} ms</b></span>
      </div>
      <canvas aria-label="hits (green) and misses (red) per second, hit ratio (dashed)"></canvas>
      <div class="actions"><button data-action="clear">Clear</button><button data-action="evict">Evict key…</button>
        ${["products", "sustainability-scores"].includes(cache.name) ? '<button data-action="warm">Warm 500</button>' : ""}</div>
    </article>`;
}

async function refresh() {
  const now = Date.now();
  const [caches, redis, audit] = await Promise.all([call("caches"), call("redis"), call("audit?count=12")]);
  $("caches").innerHTML = caches.map((cache) => card(cache, remember(cache, now))).join("");
  document.querySelectorAll("[data-cache]").forEach((element) => draw(element.querySelector("canvas"), history[element.dataset.cache]));
  $("redis").textContent = redis.up ? "Redis up" : "Redis down — serving from the database";
  $("redis").className = `pill ${redis.up ? "up" : "down"}`;
  $("redis-info").innerHTML = Object.entries(redis.facts)
    .map(([name, value]) => `<dt>${text(name)}</dt><dd>${text(value)}</dd>`).join("");
  $("audit").innerHTML = audit.map((entry) => `<li>${text(entry.at)} ${text(entry.user)} ${text(entry.action)} ${text(entry.target)}</li>`).join("");
  $("updated").textContent = `updated ${new Date(now).toLocaleTimeString()}`;
}

$("caches").addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const cache = button.closest("[data-cache]").dataset.cache;
  const name = encodeURIComponent(cache);
  if (button.dataset.action === "clear" && confirm(`Clear ${cache}?`)) await call(`caches/${name}`, { method: "DELETE" });
  if (button.dataset.action === "warm") await call(`caches/${name}/warm?limit=500`, { method: "POST" });
  if (button.dataset.action === "evict") {
    const key = prompt(`Key to evict from ${cache}`);
    if (key) await call(`caches/${name}/entries/${encodeURIComponent(key)}`, { method: "DELETE" });
  }
  refresh().catch(console.warn);
});

refresh().catch((error) => { $("updated").textContent = `cannot load: ${error.message}`; });
setInterval(() => refresh().catch((error) => { $("updated").textContent = `cannot load: ${error.message}`; }), 2000);
