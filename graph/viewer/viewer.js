// The neighbourhood viewer: draws the graph described by the JSON in #graph-data as SVG, with
// pan and zoom, a search box, type filters and a details panel. Positions come from Python
// (graph/render_svg.py), so the page and the static picture show the same layout. No dependencies.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var canvas = document.getElementById("canvas");
  var world = document.getElementById("world");
  var nodeEls = {}, edgeEls = [], hiddenTypes = {};
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }
  function shape(style, r, x, y, parent) {
    if (style.sides === 0) return el("circle", { cx: x, cy: y, r: r, fill: style.colour }, parent);
    return el("polygon", { points: style.points(r, x, y), fill: style.colour }, parent);
  }
  function polygonPoints(sides, rotation) {
    return function (r, x, y) {
      var star = sides < 0, count = star ? -2 * sides : sides, pts = [];
      for (var i = 0; i < count; i++) {
        var a = rotation * Math.PI / 180 + 2 * Math.PI * i / count;
        var rad = star ? (i % 2 === 0 ? r * 1.25 : r * 0.5) : r * (sides === 3 ? 1.3 : 1.15);
        pts.push((x + rad * Math.cos(a)).toFixed(1) + "," + (y + rad * Math.sin(a)).toFixed(1));
      }
      return pts.join(" ");
    };
  }
  Object.keys(data.styles).forEach(function (k) {
    var s = data.styles[k];
    s.points = polygonPoints(s.sides, s.rotation);
  });

  // Drawing: edges under nodes; each edge is its own path, so parallel edges each stay clickable.
  var edgeLayer = el("g", { "class": "edges" }, world);
  var labelLayer = el("g", { "class": "edge-labels" }, world);
  var nodeLayer = el("g", { "class": "nodes" }, world);
  data.edges.forEach(function (e, i) {
    var g = el("g", { "class": "edge-group", "data-index": i, "data-type": e.type }, edgeLayer);
    var colour = e.null ? data.nullColour : data.edgeColour;
    var path = el("path", { "class": "edge", d: e.d, fill: "none", stroke: colour,
      "stroke-width": e.null ? 2.2 : 1.4, "marker-end": "url(#arrow-" + (e.null ? "null" : "edge") + ")",
      "data-index": i, "data-type": e.type }, g);
    if (e.null) path.setAttribute("stroke-dasharray", "7 4");
    var hit = el("path", { "class": "edge-hit", d: e.d, "data-index": i }, g);
    var label = el("text", { "class": "edge-label", x: e.mid[0], y: e.mid[1] + 3, "font-size": 9,
      "text-anchor": "middle", fill: colour, stroke: "#fff", "stroke-width": 3, "paint-order": "stroke" }, labelLayer);
    label.textContent = e.type;
    [path, hit].forEach(function (p) {
      p.addEventListener("click", function (ev) { ev.stopPropagation(); showEdge(i); });
    });
    edgeEls.push({ g: g, label: label, path: path });
  });
  data.nodes.forEach(function (n) {
    var g = el("g", { "class": "node", "data-id": n.id, "data-label": n.label }, nodeLayer);
    var s = shape(data.styles[n.label], n.r, n.x, n.y, g);
    s.setAttribute("stroke", n.centre ? "#000" : "#fff");
    s.setAttribute("stroke-width", n.centre ? 4 : 1.5);
    el("title", {}, g).textContent = n.label + ": " + n.id;
    n.lines.forEach(function (line, i) {
      var t = el("text", { x: n.x, y: n.y + n.r + 15 + 13 * i, "font-size": 11, "text-anchor": "middle",
        fill: "#222", stroke: "#fff", "stroke-width": 3, "paint-order": "stroke" }, g);
      if (n.centre) t.setAttribute("font-weight", "bold");
      t.textContent = line;
    });
    g.addEventListener("click", function (ev) { ev.stopPropagation(); showNode(n.id); });
    nodeEls[n.id] = g;
  });

  // Details panel.
  var details = document.getElementById("details");
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function add(parent, tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }
  function fmt(v) {
    if (Array.isArray(v)) return v.join(", ");
    if (v !== null && typeof v === "object") return Object.keys(v).map(function (k) { return k + ":" + v[k]; }).join(", ");
    return String(v);
  }
  function table(props, skip) {
    var t = document.createElement("table");
    Object.keys(props).sort().forEach(function (k) {
      if (skip.indexOf(k) >= 0) return;
      var tr = add(t, "tr");
      add(tr, "td", k, "key");
      add(tr, "td", fmt(props[k]));
    });
    return t;
  }
  function evidence(parent, e) {
    var box = add(parent, "div", undefined, "evidence" + (e.null ? " null" : ""));
    add(box, "div", byId[e.source].name + " \u2192 " + e.type + " \u2192 " + byId[e.target].name, "rel");
    add(box, "div", e.props.evidence || "", "sentence");
    add(box, "div", "source: " + e.props.source_doc + (e.props.line ? ", line " + e.props.line : "") +
      (e.props.confidence !== undefined ? ", confidence " + e.props.confidence : ""), "doc");
    box.addEventListener("click", function () { showEdge(data.edges.indexOf(e)); });
  }
  function select(elem) {
    document.querySelectorAll(".selected").forEach(function (x) { x.classList.remove("selected"); });
    if (elem) elem.classList.add("selected");
  }
  function showNode(id) {
    var n = byId[id];
    select(nodeEls[id]);
    clear(details);
    add(details, "h2", n.name + " (" + n.label + ")");
    details.appendChild(table(n.props, []));
    var touching = data.edges.filter(function (e) { return e.source === id || e.target === id; });
    add(details, "h2", "Evidence (" + touching.length + ")");
    touching.forEach(function (e) { evidence(details, e); });
    var docs = n.props.source_docs || [];
    add(details, "h2", "Source documents (" + docs.length + ")");
    var ul = add(details, "ul");
    docs.forEach(function (d) { add(ul, "li", d); });
    details.dataset.shown = id;
  }
  function showEdge(i) {
    var e = data.edges[i];
    select(edgeEls[i].path);
    clear(details);
    add(details, "h2", e.type + " relationship");
    evidence(details, e);
    details.appendChild(table(e.props, ["evidence"]));
    details.dataset.shown = "edge:" + i;
  }

  // Type filters: hiding a label hides its nodes and every edge touching them.
  function applyFilters() {
    var visible = {};
    data.nodes.forEach(function (n) {
      var show = n.centre || !hiddenTypes[n.label];
      visible[n.id] = show;
      nodeEls[n.id].classList.toggle("hidden", !show);
    });
    data.edges.forEach(function (e, i) {
      var show = visible[e.source] && visible[e.target] && !hiddenTypes[e.type];
      edgeEls[i].g.classList.toggle("hidden", !show);
      edgeEls[i].label.classList.toggle("hidden", !show);
    });
  }
  function filterBox(parent, name, drawIcon) {
    var label = add(parent, "label", undefined, "filter");
    var box = add(label, "input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.type = name;
    var icon = el("svg", { width: 22, height: 18 }, null);
    drawIcon(icon);
    label.appendChild(icon);
    add(label, "span", name + " (" + data.counts[name] + ")");
    box.addEventListener("change", function () { hiddenTypes[name] = !box.checked; applyFilters(); });
  }
  var legend = document.getElementById("legend-nodes");
  data.labels.forEach(function (label) {
    filterBox(legend, label, function (svg) { shape(data.styles[label], 6.5, 11, 9, svg); });
  });
  var relLegend = document.getElementById("legend-edges");
  data.relTypes.forEach(function (rel) {
    var isNull = rel === "NULL_RESULT";
    filterBox(relLegend, rel, function (svg) {
      var l = el("line", { x1: 1, y1: 9, x2: 21, y2: 9, stroke: isNull ? data.nullColour : data.edgeColour,
        "stroke-width": 2 }, svg);
      if (isNull) l.setAttribute("stroke-dasharray", "4 2");
    });
  });

  // Search: highlight nodes whose name, alias or id contains the text; Enter shows the first one.
  var search = document.getElementById("search"), result = document.getElementById("search-result");
  function matches(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    return data.nodes.filter(function (n) {
      return [n.name, n.id].concat(n.props.aliases || []).some(function (s) { return String(s).toLowerCase().indexOf(q) >= 0; });
    });
  }
  search.addEventListener("input", function () {
    var found = matches(search.value), ids = {};
    found.forEach(function (n) { ids[n.id] = true; });
    data.nodes.forEach(function (n) {
      nodeEls[n.id].classList.toggle("match", !!ids[n.id]);
      nodeEls[n.id].classList.toggle("dim", found.length > 0 && !ids[n.id]);
    });
    result.textContent = search.value.trim() ? found.length + " match" + (found.length === 1 ? "" : "es") : "";
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    var found = matches(search.value);
    if (found.length) showNode(found[0].id);
  });

  // Pan (drag the background) and zoom (wheel), by changing the viewBox.
  var view = data.viewBox.slice();
  function setView() { canvas.setAttribute("viewBox", view.map(function (v) { return v.toFixed(1); }).join(" ")); }
  function fit() {
    var rect = canvas.getBoundingClientRect(), b = data.viewBox;
    var scale = Math.max(b[2] / rect.width, b[3] / rect.height);
    var w = rect.width * scale, h = rect.height * scale;
    view = [b[0] - (w - b[2]) / 2, b[1] - (h - b[3]) / 2, w, h];
    setView();
  }
  var drag = null;
  canvas.addEventListener("mousedown", function (ev) {
    drag = { x: ev.clientX, y: ev.clientY, view: view.slice() };
    canvas.classList.add("dragging");
  });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    var k = view[2] / canvas.getBoundingClientRect().width;
    view[0] = drag.view[0] - (ev.clientX - drag.x) * k;
    view[1] = drag.view[1] - (ev.clientY - drag.y) * k;
    setView();
  });
  window.addEventListener("mouseup", function () { drag = null; canvas.classList.remove("dragging"); });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var rect = canvas.getBoundingClientRect(), f = ev.deltaY > 0 ? 1.15 : 1 / 1.15;
    var px = view[0] + (ev.clientX - rect.left) / rect.width * view[2];
    var py = view[1] + (ev.clientY - rect.top) / rect.height * view[3];
    view = [px - (px - view[0]) * f, py - (py - view[1]) * f, view[2] * f, view[3] * f];
    setView();
  }, { passive: false });
  window.addEventListener("resize", fit);
  document.getElementById("fit").addEventListener("click", fit);

  fit();
  var centre = data.nodes.filter(function (n) { return n.centre; })[0];
  if (centre) showNode(centre.id);
  document.documentElement.dataset.ready = "true";
})();
