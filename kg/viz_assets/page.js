/* irkg graph page. Every string from the data is untrusted (article text): it is only ever
   put in the page with textContent or as an attribute value set from a checked URL, never
   through innerHTML, and vis tooltips get DOM elements built the same way. */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("irkg-data").textContent);
  const nodeInfo = data.nodeInfo;
  const edgeInfo = data.edgeInfo;
  const MAX_EVENTS_SHOWN = 200; // per panel: a hub can have thousands of events

  // -- small DOM helpers ---------------------------------------------------------------------

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function byId(id) { return document.getElementById(id); }

  // Only http(s) URLs become links; anything else (javascript:, data:, relative...) is text.
  function linkOrText(url, text) {
    let parsed = null;
    try { parsed = url ? new URL(url) : null; } catch (err) { parsed = null; }
    if (parsed && (parsed.protocol === "http:" || parsed.protocol === "https:")) {
      const a = el("a", null, text || parsed.href);
      a.href = parsed.href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      return a;
    }
    return el("span", null, url ? (text ? text + " (" + url + ")" : url) : (text || ""));
  }

  // -- indexes -------------------------------------------------------------------------------

  const incident = {};
  const neighbours = {};
  for (const n of data.nodes) { incident[n.id] = []; neighbours[n.id] = new Set(); }
  for (const e of data.edges) {
    incident[e.from].push(e.id);
    if (e.to !== e.from) incident[e.to].push(e.id);
    neighbours[e.from].add(e.to);
    neighbours[e.to].add(e.from);
  }
  const edgeById = {};
  for (const e of data.edges) edgeById[e.id] = e;

  function labelOf(id) { return nodeInfo[id] ? nodeInfo[id].label : String(id); }

  function describeEdgeType(info) {
    const parts = [];
    if (info.plover) parts.push(info.plover);
    if (info.quad) parts.push(info.quad.replace("_", " "));
    return parts.join(", ");
  }

  // -- tooltips (DOM elements: vis would otherwise decide how to render a string) ------------

  function nodeTip(id) {
    const info = nodeInfo[id];
    const tip = el("div", "irkg-tip");
    tip.appendChild(el("strong", null, info.label));
    const meta = [info.type, info.country, info.title].filter(Boolean).join(" · ");
    if (meta) tip.appendChild(el("div", null, meta));
    tip.appendChild(el("div", null, incident[id].length + " link(s)"));
    return tip;
  }

  function edgeTip(e) {
    const info = edgeInfo[e.id];
    const tip = el("div", "irkg-tip");
    tip.appendChild(el("strong", null, labelOf(e.from) + " → " + labelOf(e.to)));
    const kind = describeEdgeType(info);
    tip.appendChild(el("div", null, info.relation + (kind ? " (" + kind + ")" : "")));
    tip.appendChild(el("div", null, info.count + " event(s)"));
    return tip;
  }

  const nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n, { title: nodeTip(n.id) });
  }));
  const edges = new vis.DataSet(data.edges.map(function (e) {
    return Object.assign({}, e, { title: edgeTip(e) });
  }));
  // The data is set last, once every listener is in place: a tiny graph can stabilise
  // synchronously inside setData and its event would otherwise be missed.
  const network = new vis.Network(byId("irkg-network"), {}, data.options);

  // -- details panel -------------------------------------------------------------------------

  const details = byId("irkg-details");

  function eventItem(ev) {
    const li = el("li");
    li.appendChild(el("div", "irkg-date", ev.date || "undated"));
    if (ev.sentence) li.appendChild(el("div", "irkg-sentence", ev.sentence));
    const extra = [];
    if (ev.location) extra.push("at " + ev.location);
    if (ev.object) extra.push("object: " + ev.object);
    if (ev.mode && ev.mode !== "asserted") extra.push(ev.mode);
    if (ev.confidence !== undefined && ev.confidence !== null) extra.push("confidence " + ev.confidence);
    if (extra.length) li.appendChild(el("div", "irkg-meta", extra.join(" · ")));
    const src = el("div", "irkg-source");
    src.appendChild(document.createTextNode("Source: "));
    src.appendChild(linkOrText(ev.article_url, ev.article_title || ev.article_id || ""));
    if (ev.article_date) src.appendChild(document.createTextNode(" (" + ev.article_date + ")"));
    li.appendChild(src);
    return li;
  }

  function edgeSection(eid, budget) {
    const e = edgeById[eid];
    const info = edgeInfo[eid];
    const frag = document.createDocumentFragment();
    frag.appendChild(el("h3", null, labelOf(e.from) + " —" + info.relation + "→ " + labelOf(e.to)));
    const kind = describeEdgeType(info);
    frag.appendChild(el("p", "irkg-meta", "relation: " + info.relation + (kind ? " (" + kind + ")" : "") +
      " · " + info.count + " event(s)"));
    const ol = el("ol");
    const shown = info.events.slice(0, Math.max(budget, 0));
    for (const ev of shown) ol.appendChild(eventItem(ev));
    frag.appendChild(ol);
    if (shown.length < info.events.length) {
      frag.appendChild(el("p", "irkg-muted", (info.events.length - shown.length) + " more event(s) not shown"));
    }
    return { frag: frag, used: shown.length };
  }

  function showEdge(eid) {
    if (!edgeInfo[eid]) return;
    details.replaceChildren(edgeSection(eid, MAX_EVENTS_SHOWN).frag);
  }

  function showNode(id) {
    const info = nodeInfo[id];
    if (!info) return;
    details.replaceChildren();
    details.appendChild(el("h2", "irkg-node-label", info.label));
    const meta = [info.type, info.country, info.sector].filter(Boolean).join(" · ");
    if (meta) details.appendChild(el("p", "irkg-meta", meta));
    if (info.title) details.appendChild(el("p", "irkg-meta", info.title));
    // Links hidden by the filters are left out here too, so the panel matches the picture.
    const ids = incident[id].filter(function (eid) { return !edgeHidden[eid]; })
      .sort(function (a, b) { return edgeInfo[b].count - edgeInfo[a].count; });
    let budget = MAX_EVENTS_SHOWN;
    for (const eid of ids) {
      const part = edgeSection(eid, budget);
      budget -= part.used;
      details.appendChild(part.frag);
    }
    const hiddenCount = incident[id].length - ids.length;
    if (hiddenCount) details.appendChild(el("p", "irkg-muted", hiddenCount + " link(s) hidden by the filters"));
  }

  // -- filters: they hide edges, then nodes left without a visible edge ---------------------

  const relSel = byId("irkg-relation");
  const ploSel = byId("irkg-plover");
  const ctrySel = byId("irkg-country");
  const sinceIn = byId("irkg-since");
  const untilIn = byId("irkg-until");
  const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  let focusId = null;
  let selectedId = null;
  const edgeHidden = {};
  const nodeHidden = {};

  function fillSelect(sel, values, counter) {
    for (const v of values) {
      const opt = el("option", null, (v || "(none)") + " (" + counter(v) + ")");
      opt.value = v;
      sel.appendChild(opt);
    }
    sel.size = Math.min(Math.max(values.length, 2), 6);
  }

  function countEvents(pred) {
    let total = 0;
    for (const e of data.edges) if (pred(e, edgeInfo[e.id])) total += edgeInfo[e.id].count;
    return total;
  }
  fillSelect(relSel, data.relations, function (r) { return countEvents(function (e, i) { return i.relation === r; }); });
  fillSelect(ploSel, data.plovers, function (p) { return countEvents(function (e, i) { return i.plover === p; }); });
  fillSelect(ctrySel, data.countries, function (c) {
    let k = 0;
    for (const id in nodeInfo) if (nodeInfo[id].country === c) k += 1;
    return k + " actor(s)";
  });

  function chosen(sel) {
    return new Set(Array.from(sel.selectedOptions).map(function (o) { return o.value; }));
  }

  function dateValue(input) {
    const v = input.value.trim();
    const ok = v === "" || DATE_RE.test(v);
    input.classList.toggle("irkg-invalid", !ok);
    return ok ? v : "";
  }

  // Same rule as kg.network.Filters.keep: compare at the precision both dates have.
  function dateOk(date, since, until) {
    if (since && (!date || date < since.slice(0, date.length))) return false;
    if (until && (!date || date.slice(0, until.length) > until)) return false;
    return true;
  }

  function applyFilters() {
    const rel = chosen(relSel), plo = chosen(ploSel), ctry = chosen(ctrySel);
    const since = dateValue(sinceIn), until = dateValue(untilIn);
    let keep = null;
    if (focusId !== null) {
      keep = new Set(neighbours[focusId]);
      keep.add(focusId);
    }
    const active = rel.size > 0 || plo.size > 0 || ctry.size > 0 || since !== "" || until !== "" || keep !== null;
    const touched = {};
    const edgeUpdates = [];
    for (const e of data.edges) {
      const info = edgeInfo[e.id];
      let show = (rel.size === 0 || rel.has(info.relation)) && (plo.size === 0 || plo.has(info.plover));
      if (show && ctry.size) show = ctry.has(nodeInfo[e.from].country) || ctry.has(nodeInfo[e.to].country);
      if (show && (since || until)) show = info.events.some(function (ev) { return dateOk(ev.date, since, until); });
      if (show && keep) show = keep.has(e.from) && keep.has(e.to);
      if (show) { touched[e.from] = true; touched[e.to] = true; }
      if (!!edgeHidden[e.id] === show) { edgeHidden[e.id] = !show; edgeUpdates.push({ id: e.id, hidden: !show }); }
    }
    const nodeUpdates = [];
    for (const n of data.nodes) {
      const hide = active && !touched[n.id] && n.id !== focusId;
      if (!!nodeHidden[n.id] !== hide) { nodeHidden[n.id] = hide; nodeUpdates.push({ id: n.id, hidden: hide }); }
    }
    edges.update(edgeUpdates);
    nodes.update(nodeUpdates);
    showCounts();
  }

  function visible() {
    let n = 0, m = 0;
    for (const x of data.nodes) if (!nodeHidden[x.id]) n += 1;
    for (const x of data.edges) if (!edgeHidden[x.id]) m += 1;
    return { nodes: n, edges: m };
  }

  function showCounts() {
    const v = visible();
    byId("irkg-visible").textContent = "Showing " + v.nodes + " of " + data.nodes.length + " nodes, " +
      v.edges + " of " + data.edges.length + " links";
  }

  function setFilter(name, values) {
    const sel = { relation: relSel, plover: ploSel, country: ctrySel }[name];
    if (sel) {
      const want = new Set(values || []);
      for (const o of sel.options) o.selected = want.has(o.value);
    } else if (name === "since") {
      sinceIn.value = values || "";
    } else if (name === "until") {
      untilIn.value = values || "";
    } else {
      throw new Error("unknown filter " + name);
    }
    applyFilters();
  }

  function focusOn(id) {
    if (id === null || id === undefined || !nodeInfo[id]) return false;
    focusId = id;
    applyFilters();
    network.fit({ nodes: Array.from(neighbours[id]).concat([id]), animation: false });
    return true;
  }

  function reset() {
    focusId = null;
    for (const sel of [relSel, ploSel, ctrySel]) for (const o of sel.options) o.selected = false;
    sinceIn.value = "";
    untilIn.value = "";
    applyFilters();
    network.unselectAll();
    network.fit({ animation: false });
  }

  for (const sel of [relSel, ploSel, ctrySel]) sel.addEventListener("change", applyFilters);
  for (const inp of [sinceIn, untilIn]) inp.addEventListener("change", applyFilters);
  byId("irkg-focus").addEventListener("click", function () {
    if (!focusOn(selectedId)) byId("irkg-search-status").textContent = "Select an actor first (click it or find it).";
  });
  byId("irkg-reset").addEventListener("click", reset);

  // -- search --------------------------------------------------------------------------------

  function select(id) {
    if (!nodeInfo[id]) return false;
    selectedId = id;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
    showNode(id);
    return true;
  }

  // Exact name first, then a name starting with the text, then one containing it.
  function search(name) {
    const q = String(name || "").trim().toLowerCase();
    if (!q) return null;
    const ids = data.nodes.map(function (n) { return n.id; });
    const tests = [
      function (l) { return l === q; },
      function (l) { return l.startsWith(q); },
      function (l) { return l.indexOf(q) >= 0; },
    ];
    // an actor's aliases count as its names ("Assad" finds Bashar al-Assad)
    const namesOf = function (id) {
      return [nodeInfo[id].label].concat(nodeInfo[id].aliases || []).map(function (x) { return x.toLowerCase(); });
    };
    for (const t of tests) {
      for (const id of ids) {
        if (namesOf(id).some(t)) { select(id); return id; }
      }
    }
    return null;
  }

  const names = byId("irkg-names");
  for (const n of data.nodes) { const o = el("option"); o.value = nodeInfo[n.id].label; names.appendChild(o); }
  byId("irkg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    const id = search(byId("irkg-search").value);
    byId("irkg-search-status").textContent = id === null ? "No actor by that name." : "";
  });

  network.on("click", function (p) {
    if (p.nodes.length) { selectedId = p.nodes[0]; showNode(p.nodes[0]); }
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // -- legend and summary --------------------------------------------------------------------

  const SVG = "http://www.w3.org/2000/svg";

  function swatch(shape, color) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "14");
    svg.setAttribute("height", "14");
    svg.setAttribute("viewBox", "0 0 14 14");
    let s;
    if (shape === "dot") {
      s = document.createElementNS(SVG, "circle");
      s.setAttribute("cx", "7"); s.setAttribute("cy", "7"); s.setAttribute("r", "6");
    } else if (shape === "square") {
      s = document.createElementNS(SVG, "rect");
      s.setAttribute("x", "1.5"); s.setAttribute("y", "1.5"); s.setAttribute("width", "11"); s.setAttribute("height", "11");
    } else if (shape === "line") {
      s = document.createElementNS(SVG, "rect");
      s.setAttribute("x", "0"); s.setAttribute("y", "5.5"); s.setAttribute("width", "14"); s.setAttribute("height", "3");
    } else {
      const points = {
        diamond: "7,0.5 13.5,7 7,13.5 0.5,7",
        triangle: "7,1 13,13 1,13",
        triangleDown: "1,1 13,1 7,13",
        hexagon: "7,0.5 12.6,3.75 12.6,10.25 7,13.5 1.4,10.25 1.4,3.75",
        star: "7,0.5 8.8,5 13.5,5.2 9.8,8.2 11.1,13 7,10.3 2.9,13 4.2,8.2 0.5,5.2 5.2,5",
      }[shape] || "1,1 13,1 13,13 1,13";
      s = document.createElementNS(SVG, "polygon");
      s.setAttribute("points", points);
    }
    s.setAttribute("fill", color);
    if (shape !== "line") { s.setAttribute("stroke", "#333"); s.setAttribute("stroke-width", "0.8"); }
    svg.appendChild(s);
    return svg;
  }

  const legend = byId("irkg-legend");
  for (const item of data.legend) {
    const row = el("div", "irkg-legend-row");
    row.dataset.type = item.type;
    row.appendChild(swatch(item.shape, item.color));
    row.appendChild(el("span", null, item.type + (item.kind === "object" ? " (object)" : "") + " · " + item.count));
    legend.appendChild(row);
  }
  for (const item of data.edgeLegend) {
    const row = el("div", "irkg-legend-row");
    row.appendChild(swatch("line", item.color));
    row.appendChild(el("span", null, item.label));
    legend.appendChild(row);
  }
  legend.appendChild(el("p", "irkg-muted", "Node size: " + data.sizeBy + ". Link width: number of events."));

  byId("irkg-summary").textContent = data.nodes.length + " nodes, " + data.edges.length + " links" +
    (data.dateRange ? ", " + data.dateRange[0] + " to " + data.dateRange[1] : "") +
    (data.physics ? "" : " (layout computed in advance)");
  showCounts();

  window.irkg = {
    network: network, nodes: nodes, edges: edges, data: data,
    search: search, select: select, showNode: showNode, showEdge: showEdge,
    setFilter: setFilter, applyFilters: applyFilters, focus: focusOn, reset: reset, visible: visible,
  };

  // -- ready ---------------------------------------------------------------------------------

  function markReady() { document.body.dataset.ready = "1"; }

  if (data.physics && data.nodes.length) {
    // Lay out once, then stop: a graph that keeps moving is hard to read and burns CPU.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      markReady();
    });
  } else if (data.nodes.length) {
    network.once("afterDrawing", markReady);
  } else {
    details.replaceChildren(el("p", "irkg-muted", "The graph is empty: no event matched the filters."));
    markReady();
  }

  network.setData({ nodes: nodes, edges: edges });
})();
