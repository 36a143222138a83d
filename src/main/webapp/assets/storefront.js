// The storefront: lists, searches and shows products through the cached API.
const api = (path) => fetch(`api/${path}`, { headers: { Accept: "application/json" } })
  .then((response) => response.ok ? response.json() : Promise.reject(new Error(`${response.status} ${path}`)));
const $ = (id) => document.getElementById(id);
const text = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (amount, currency) => new Intl.NumberFormat("en", { style: "currency", currency }).format(amount);
const state = { page: 0, size: 12, search: null };
// the widths the shop draws each picture in (ProductImage.WIDTHS); imageUrl names the widest
const widths = [160, 320, 640];

function picture(product, sizes, eager) {
  if (!product.imageUrl) return "";
  const srcset = widths.map((w) => `${product.imageUrl.replace(/\.w\d+\.jpg$/, `.w${w}.jpg`)} ${w}w`).join(", ");
  return `<img src="${text(product.imageUrl)}" srcset="${text(srcset)}" sizes="${sizes}" width="640" height="480"
      alt="" loading="${eager ? "eager" : "lazy"}" decoding="async">`;
}

// the first row is above the fold on every screen: its pictures load at once, the others when near
function card(product, index) {
  return `<li class="card" data-id="${product.id}">
      ${picture(product, "(max-width: 40rem) 92vw, 16rem", index < 4)}
      <h3>${text(product.name)}</h3>
      <div class="muted">${text(product.brand)} · ${text(product.category)}</div>
      <div><span class="price">${money(product.price, product.currency)}</span>
        <span class="score" title="sustainability score">${product.ecoScore}</span>
        ${product.stock === 0 ? '<span class="muted">sold out</span>' : ""}</div>
    </li>`;
}

async function showProducts() {
  const paging = `page=${state.page}&size=${state.size}`;
  const result = state.search
    ? await api(`search?${new URLSearchParams(state.search)}&${paging}`)
    : await api(`products?${paging}`);
  $("results-title").textContent = state.search?.q ? `Results for “${state.search.q}”` : "Products";
  $("results-count").textContent = `${result.total} products`;
  $("products").innerHTML = result.items.map(card).join("");
  $("page-number").textContent = state.page + 1;
  $("previous").disabled = state.page === 0;
  $("next").disabled = (state.page + 1) * state.size >= result.total;
}

async function showTrending() {
  const trending = await api("products/trending?limit=8");
  $("trending-section").hidden = trending.items.length === 0;
  $("trending").innerHTML = trending.items
    .map((item) => `<li data-id="${item.product.id}">${item.rank}. ${text(item.product.name)}</li>`).join("");
}

// a product the edge cache answered was not seen by the shop: tell it (X-Cache is the edge's header)
async function viewProduct(id) {
  const response = await fetch(`api/products/${id}`, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${response.status} products/${id}`);
  if (response.headers.has("X-Cache") && response.headers.get("X-Cache") !== "PASS") {
    navigator.sendBeacon(`api/products/${id}/views`);
  }
  return response.json();
}

async function showDetail(id) {
  const [product, score] = await Promise.all([viewProduct(id), api(`products/${id}/sustainability-score`)]);
  const bar = (label, value) => `<div>${label} <div class="bar"><span style="width:${value}%"></span></div></div>`;
  $("detail").innerHTML = `${picture(product, "(max-width: 48rem) 92vw, 30vw", true)}<h2>${text(product.name)}</h2>
    <p>${text(product.description)}</p>
    <p><span class="price">${money(product.price, product.currency)}</span> · ${product.stock} in stock</p>
    <p>Sustainability <span class="score">${score.score}</span> grade <strong>${score.grade}</strong></p>
    ${bar("Materials", score.materials)}${bar("Certifications", score.certifications)}
    ${bar("Footprint", score.footprint)}${bar("Packaging", score.packaging)}${bar("Recycled content", score.recycledContent)}
    <p class="muted">${text(product.materials.join(", "))} · ${product.carbonFootprintKg ?? "?"} kg CO₂e · made in ${text(product.originCountry)}</p>`;
  $("detail").hidden = false;
  document.querySelector("main").classList.add("with-detail");
}

function onProductClick(event) {
  const item = event.target.closest("[data-id]");
  if (item) showDetail(item.dataset.id).catch(report);
}

function report(error) {
  $("results-count").textContent = `Something went wrong (${error.message}); please retry.`;
}

async function showCategories() {
  const categories = await api("categories");
  $("category").innerHTML += categories
    .map((category) => `<option value="${text(category.slug)}">${text(category.name)}</option>`).join("");
}

async function start() {
  $("search").addEventListener("submit", (event) => {
    event.preventDefault();
    const search = { q: $("query").value.trim(), sort: $("sort").value };
    if ($("category").value) search.category = $("category").value;
    state.search = search;
    state.page = 0;
    showProducts().catch(report);
  });
  $("previous").addEventListener("click", () => { state.page--; showProducts().catch(report); });
  $("next").addEventListener("click", () => { state.page++; showProducts().catch(report); });
  $("products").addEventListener("click", onProductClick);
  $("trending").addEventListener("click", onProductClick);
  const linked = new URLSearchParams(location.search).get("product");
  // in parallel: nothing on the page waits for another part of it
  await Promise.all([showCategories(), showProducts(), showTrending(), linked ? showDetail(linked) : null]);
  // when the page shows all it was asked for: read by the page-load benchmark
  performance.mark("ecolaura:content-ready");
}

start().catch(report);
