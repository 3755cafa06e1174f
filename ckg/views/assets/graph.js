/* ckg graph page: draws the precomputed layout on a canvas (no physics in the browser).
 * Data: the JSON in <script id="ckg-data">, written by ckg/views/html.py.
 * Exposes window.ckgView for tests and benchmarks: nodesDrawn, edgesDrawn, firstDrawMs,
 * search(q), select(id), screenPosition(id), labels(), markers().
 */
(function () {
  "use strict";
  var T0 = performance.now();
  var data = JSON.parse(document.getElementById("ckg-data").textContent);
  var STYLE = data.style;
  var nodes = data.nodes, edges = data.edges, claims = data.claims;
  var N = nodes.length, E = edges.length;
  var LABELS = data.labels || { secondary: [], secondaryScale: 0 };
  var secondary = nodes.map(function (n) { return LABELS.secondary.indexOf(n.kind) >= 0; });
  var byId = new Map();
  nodes.forEach(function (n, i) { byId.set(n.id, i); });

  var canvas = document.getElementById("graph");
  var ctx = canvas.getContext("2d");
  var panel = document.getElementById("panel");
  var statusEl = document.getElementById("status");
  var view = { scale: 1, tx: 0, ty: 0 };
  var selected = null;            // {node: i} or {edge: i}
  var highlight = new Set();      // node indices drawn emphasised
  var typeOn = {};                // claim type -> shown
  Object.keys(STYLE.claims).forEach(function (t) { typeOn[t] = true; });
  var claimantFilter = "";
  var onlyDisputed = false;
  var edgeVisible = new Uint8Array(E), nodeVisible = new Uint8Array(N);
  var degree = new Uint32Array(N);
  var incident = [];
  for (var i = 0; i < N; i++) incident.push([]);

  // parallel edges between one pair of nodes are bent apart so each stays clickable
  (function bendParallel() {
    var groups = new Map();
    edges.forEach(function (e, k) {
      degree[e.s]++; degree[e.t]++;
      incident[e.s].push(k); incident[e.t].push(k);
      var key = e.s < e.t ? e.s + "," + e.t : e.t + "," + e.s;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(k);
    });
    groups.forEach(function (ks) {
      ks.forEach(function (k, j) {
        var e = edges[k];
        var a = nodes[e.s], b = nodes[e.t];
        var off = (j - (ks.length - 1) / 2) * 9;
        if (e.s > e.t) off = -off;
        var dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
        e.cx = (a.x + b.x) / 2 - dy / len * off;
        e.cy = (a.y + b.y) / 2 + dx / len * off;
        e.bent = off !== 0;
      });
    });
  })();

  function edgeShown(e) {
    if (!e.claim) return true;
    var c = claims[e.claim];
    if (!typeOn[c.type]) return false;
    if (claimantFilter && c.claimant_id !== claimantFilter) return false;
    if (onlyDisputed && !c.disputed) return false;
    return true;
  }
  function filtering() {
    return claimantFilter !== "" || onlyDisputed ||
      Object.keys(typeOn).some(function (t) { return !typeOn[t]; });
  }
  function computeVisibility() {
    for (var k = 0; k < E; k++) edgeVisible[k] = edgeShown(edges[k]) ? 1 : 0;
    var f = filtering();
    for (var i = 0; i < N; i++) {
      if (!f || degree[i] === 0) { nodeVisible[i] = 1; continue; }
      var v = 0, inc = incident[i];
      for (var j = 0; j < inc.length; j++) if (edgeVisible[inc[j]]) { v = 1; break; }
      nodeVisible[i] = v;
    }
  }

  // ---- drawing ------------------------------------------------------------------------
  var W = 0, H = 0, dpr = 1;
  function resize() {
    var r = canvas.getBoundingClientRect();
    dpr = window.devicePixelRatio || 1;
    W = r.width; H = r.height;
    canvas.width = Math.max(1, Math.round(W * dpr));
    canvas.height = Math.max(1, Math.round(H * dpr));
  }
  function fit() {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (n) {
      x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y); x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y);
    });
    if (!isFinite(x0)) { x0 = y0 = 0; x1 = y1 = 1; }
    // keep the drawing clear of the legend (lower left) and the zoom buttons (upper
    // right): beside the legend or above it, whichever leaves the larger drawing
    var lg = document.getElementById("legend").getBoundingClientRect();
    var lw = lg.width ? lg.width + 16 : 0, lh = lg.height ? lg.height + 16 : 0;
    var m = 24, right = 50, w = Math.max(x1 - x0, 1), h = Math.max(y1 - y0, 1);
    // labels keep their pixel size at every zoom: leave room for those that hang out
    // left or right of the drawing (found in a few rounds, as the room needed depends
    // on the scale)
    var hang = [0, 0];
    function scaleFor(width, height) {
      var s = Math.min((width - hang[0] - hang[1]) / w, height / h);
      return Math.max(s, 1e-6);
    }
    var beside, above, s = 1;
    for (var round = 0; round < 3; round++) {
      beside = scaleFor(W - lw - 2 * m - right, H - 2 * m);
      above = scaleFor(W - 2 * m - right, H - lh - 2 * m);
      s = Math.max(above, beside);
      hang = labelHang(x0, x1, s);
    }
    var left = above >= beside ? 0 : lw, bottom = above >= beside ? lh : 0;
    view.scale = s;
    view.tx = left + m + hang[0] + (W - left - 2 * m - right - hang[0] - hang[1] - w * s) / 2 - x0 * s;
    view.ty = m + (H - bottom - 2 * m - h * s) / 2 - y0 * s;
  }
  function labelHang(x0, x1, s) {
    // how far (pixels) the estimated labels reach beyond the leftmost and rightmost node
    var l = 0, r = 0;
    for (var i = 0; i < N; i++) {
      var n = nodes[i];
      if (secondary[i]) continue;
      var wpx = labelWidth(i) + Math.max(n.r * s, 2.5) * 1.25 + 4;
      if (n.side === -1) l = Math.max(l, wpx - (n.x - x0) * s);
      else if (n.side === 0) { l = Math.max(l, wpx / 2 - (n.x - x0) * s); r = Math.max(r, wpx / 2 - (x1 - n.x) * s); }
      else r = Math.max(r, wpx - (x1 - n.x) * s);
    }
    // a few long labels may wait for zooming in rather than shrink the whole drawing
    return [Math.min(l, 180), Math.min(r, 180)];
  }
  var widths = new Float32Array(N).fill(-1);
  function labelWidth(i) {
    if (widths[i] < 0) {
      var n = nodes[i];
      ctx.font = (n.kind === "event" ? "600 " : "") + "12px system-ui, 'DejaVu Sans', sans-serif";
      widths[i] = ctx.measureText(n.label.length > 48 ? n.label.slice(0, 46) + "…" : n.label).width;
    }
    return widths[i];
  }
  function radius(i) { return nodes[i].r; }

  function shapePath(shape, x, y, r) {
    ctx.beginPath();
    if (shape === "circle") { ctx.arc(x, y, r, 0, 2 * Math.PI); return; }
    if (shape === "square") { ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7); return; }
    var pts = shape === "diamond" ? 4 : shape === "triangle" ? 3 : 6;
    var rot = shape === "triangle" ? -Math.PI / 2 : shape === "diamond" ? 0 : Math.PI / 6;
    var rr = shape === "diamond" ? r * 1.25 : shape === "triangle" ? r * 1.2 : r * 1.05;
    for (var k = 0; k < pts; k++) {
      var a = rot + k * 2 * Math.PI / pts;
      var px = x + rr * Math.cos(a), py = y + rr * Math.sin(a);
      if (k === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
    }
    ctx.closePath();
  }

  var stats = { nodesDrawn: 0, edgesDrawn: 0, draws: 0, lastDrawMs: 0 };
  var pending = false;
  function requestDraw() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; draw(); });
  }

  function edgeStyle(e) {
    if (e.claim) {
      var c = claims[e.claim];
      return (c.disputed ? "d|" : "c|") + c.type;
    }
    return "s|";
  }

  function draw() {
    var t = performance.now();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    var s = view.scale;
    var wx0 = -view.tx / s, wy0 = -view.ty / s, wx1 = (W - view.tx) / s, wy1 = (H - view.ty) / s;
    ctx.setTransform(dpr * s, 0, 0, dpr * s, dpr * view.tx, dpr * view.ty);
    // edges, batched by style: one stroke per style keeps 10,000 edges fast
    var groups = {};
    var edgesDrawn = 0;
    for (var k = 0; k < E; k++) {
      if (!edgeVisible[k]) continue;
      var e = edges[k];
      var a = nodes[e.s], b = nodes[e.t];
      if (Math.max(a.x, b.x) < wx0 || Math.min(a.x, b.x) > wx1 ||
          Math.max(a.y, b.y) < wy0 || Math.min(a.y, b.y) > wy1) continue;
      var key = edgeStyle(e);
      (groups[key] || (groups[key] = [])).push(k);
      edgesDrawn++;
    }
    var sel = selected && selected.edge !== undefined ? selected.edge : -1;
    Object.keys(groups).forEach(function (key) {
      var parts = key.split("|");
      ctx.beginPath();
      groups[key].forEach(function (k) {
        var e = edges[k], a = nodes[e.s], b = nodes[e.t];
        ctx.moveTo(a.x, a.y);
        if (e.bent) ctx.quadraticCurveTo(e.cx, e.cy, b.x, b.y); else ctx.lineTo(b.x, b.y);
      });
      if (parts[0] === "s") {
        ctx.strokeStyle = STYLE.structural; ctx.lineWidth = 0.8 / s; ctx.setLineDash([]);
        ctx.globalAlpha = 0.55;
      } else {
        ctx.strokeStyle = STYLE.claims[parts[1]].color; ctx.lineWidth = 1.8 / s;
        ctx.setLineDash([]); ctx.globalAlpha = 0.9;
      }
      ctx.stroke();
      if (parts[0] === "d") {
        // disputed: the claim-type colour underneath, a dashed red line on top
        ctx.strokeStyle = STYLE.disputed; ctx.lineWidth = 2.2 / s;
        ctx.setLineDash([STYLE.dash[0] / s, STYLE.dash[1] / s]);
        ctx.globalAlpha = 1; ctx.stroke();
      }
    });
    ctx.setLineDash([]); ctx.globalAlpha = 1;
    if (edgesDrawn < 4000) drawArrowheads(groups, s);
    if (sel >= 0 && edgeVisible[sel]) {
      var e2 = edges[sel], a2 = nodes[e2.s], b2 = nodes[e2.t];
      ctx.beginPath(); ctx.moveTo(a2.x, a2.y);
      if (e2.bent) ctx.quadraticCurveTo(e2.cx, e2.cy, b2.x, b2.y); else ctx.lineTo(b2.x, b2.y);
      ctx.strokeStyle = "#000"; ctx.lineWidth = 4 / s; ctx.globalAlpha = 0.35; ctx.stroke();
      ctx.globalAlpha = 1;
    }
    // nodes
    var drawn = 0;
    var dim = highlight.size > 0;
    for (var i = 0; i < N; i++) {
      if (!nodeVisible[i]) continue;
      var n = nodes[i], r = radius(i);
      if (n.x + r < wx0 || n.x - r > wx1 || n.y + r < wy0 || n.y - r > wy1) continue;
      var st = STYLE.nodes[n.kind];
      var rr = Math.max(r, 2.5 / s);
      shapePath(st.shape, n.x, n.y, rr);
      ctx.globalAlpha = dim && !highlight.has(i) ? 0.35 : 1;
      ctx.fillStyle = st.color; ctx.fill();
      ctx.lineWidth = (highlight.has(i) ? 2.5 : 0.8) / s;
      ctx.strokeStyle = highlight.has(i) ? "#000" : "#fff";
      ctx.stroke();
      drawn++;
    }
    ctx.globalAlpha = 1;
    drawLabels(wx0, wy0, wx1, wy1);
    stats.nodesDrawn = drawn; stats.edgesDrawn = edgesDrawn; stats.draws++;
    stats.lastDrawMs = performance.now() - t;
    document.body.dataset.nodesDrawn = String(drawn);
    document.body.dataset.edgesDrawn = String(edgesDrawn);
    if (stats.draws === 1) {
      stats.firstDrawMs = performance.now();
      document.body.dataset.firstDrawMs = stats.firstDrawMs.toFixed(1);
      document.body.dataset.ready = "1";
    }
  }

  function drawArrowheads(groups, s) {
    Object.keys(groups).forEach(function (key) {
      if (key.charAt(0) === "s") return;
      ctx.beginPath();
      groups[key].forEach(function (k) {
        var e = edges[k], b = nodes[e.t];
        var fx = e.bent ? e.cx : nodes[e.s].x, fy = e.bent ? e.cy : nodes[e.s].y;
        var dx = b.x - fx, dy = b.y - fy, len = Math.hypot(dx, dy) || 1;
        var ux = dx / len, uy = dy / len, rb = Math.max(b.r, 2.5 / s) + 1 / s;
        var tipx = b.x - ux * rb, tipy = b.y - uy * rb, h = 7 / s, w = 3.5 / s;
        ctx.moveTo(tipx, tipy);
        ctx.lineTo(tipx - ux * h - uy * w, tipy - uy * h + ux * w);
        ctx.lineTo(tipx - ux * h + uy * w, tipy - uy * h - ux * w);
        ctx.closePath();
      });
      var parts = key.split("|");
      ctx.fillStyle = parts[0] === "d" ? STYLE.disputed : STYLE.claims[parts[1]].color;
      ctx.fill();
    });
  }

  // labels in screen space, greedily, in order of importance: events first (the most
  // discussed first), then the actors making or named in claims about an event (those of
  // the most discussed event first: the first frame's focus), then the rest by degree,
  // footnotes last. A label tries the side the layout chose, the same side a little
  // higher or lower, the other side, above and below, and takes the first spot free of
  // other labels and of nodes. When none is, labels already placed that are in the way
  // may move to another of their own spots; failing that the label is shortened, and
  // only then skipped. Labels may outgrow the room the layout kept for them when the
  // whole graph is drawn small, which is what makes these second choices necessary.
  var eventWeight = new Float64Array(N);   // an actor's: the degree of its biggest event
  edges.forEach(function (e) {
    if (!e.claim) return;
    var a = nodes[e.s], b = nodes[e.t];
    if (b.kind === "event" && a.kind === "actor") eventWeight[e.s] = Math.max(eventWeight[e.s], degree[e.t]);
    if (a.kind === "event" && b.kind === "actor") eventWeight[e.t] = Math.max(eventWeight[e.t], degree[e.s]);
  });
  function labelRank(i) {
    return nodes[i].kind === "event" ? 0 : secondary[i] ? 3 : eventWeight[i] > 0 ? 1 : 2;
  }
  var labelOrder = nodes.map(function (n, i) { return i; }).sort(function (a, b) {
    return (labelRank(a) - labelRank(b)) || (eventWeight[b] - eventWeight[a]) ||
      (degree[b] - degree[a]) || (a - b);
  });
  var shownLabels = [];           // [node index, x0, y0, x1, y1] in canvas pixels
  var CELL = 48;
  var LABEL_FONT = "12px system-ui, 'DejaVu Sans', sans-serif";
  var SHIFTS = [0, -5, 5, -9, 9];  // rows tried beside a node (pixels up / down)
  var SHORTER = [0.6, 0.4];        // fractions of a label's text tried when it fits nowhere
  var MIN_CHARS = 8;
  var MAX_MOVED = 2;               // labels in the way that may move for one label
  var MAKE_WAY_TRIES = 60;         // labels per frame that may ask others to move (time)
  // grid cells are keyed by number, which Maps look up faster than strings
  function cellKey(gx, gy) { return (gx + 32768) * 65536 + (gy + 32768); }
  function boxCells(x0, y0, x1, y1) {
    // the keys of the grid cells a screen box touches
    var keys = [];
    for (var gx = Math.floor(x0 / CELL); gx <= Math.floor(x1 / CELL); gx++) {
      for (var gy = Math.floor(y0 / CELL); gy <= Math.floor(y1 / CELL); gy++) keys.push(cellKey(gx, gy));
    }
    return keys;
  }
  function markerGrid(wx0, wy0, wx1, wy1) {
    // the drawn node markers in screen space, bucketed so each label checks only a few
    var s = view.scale, grid = new Map();
    for (var i = 0; i < N; i++) {
      var n = nodes[i];
      if (!nodeVisible[i] || n.x < wx0 || n.x > wx1 || n.y < wy0 || n.y > wy1) continue;
      var r = Math.max(n.r * s, 2.5) * 1.25, x = n.x * s + view.tx, y = n.y * s + view.ty;
      var m = [i, x - r, y - r, x + r, y + r];
      var keys = boxCells(m[1], m[2], m[3], m[4]);
      for (var q = 0; q < keys.length; q++) {
        var cell = grid.get(keys[q]);
        if (cell) cell.push(m); else grid.set(keys[q], [m]);
      }
    }
    return grid;
  }
  function coversMarker(grid, b, own) {
    var keys = boxCells(b[0], b[1], b[2], b[3]);
    for (var q = 0; q < keys.length; q++) {
      var cell = grid.get(keys[q]);
      if (!cell) continue;
      for (var c = 0; c < cell.length; c++) {
        var m = cell[c];
        if (m[0] !== own && b[0] < m[3] && b[2] > m[1] && b[1] < m[4] && b[3] > m[2]) return true;
      }
    }
    return false;
  }
  function overlap(a, b) { return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1]; }
  function labelSpots(side, cx, cy, rad, w) {
    // [x, y] of the text's left end, in order of preference
    var right = [], left = [], above = [], below = [];
    for (var k = 0; k < SHIFTS.length; k++) {
      right.push([cx + rad, cy + SHIFTS[k]]); left.push([cx - rad - w, cy + SHIFTS[k]]);
    }
    // above and below: centred, then running right or left from the node
    [w / 2, 4, w - 4].forEach(function (d) { above.push([cx - d, cy - rad - 8]); below.push([cx - d, cy + rad + 8]); });
    if (side === 0) return above.concat(below, right, left);
    return side === -1 ? left.concat(right, above, below) : right.concat(left, above, below);
  }
  function spotBox(p, w) { return [p[0] - 1, p[1] - 7, p[0] + w + 1, p[1] + 7]; }
  function shortened(text, keep) {
    var n = Math.floor(text.length * keep);
    if (n < MIN_CHARS) return null;
    var head = text.slice(0, n), cut = head.lastIndexOf(" ");
    if (cut >= MIN_CHARS) head = head.slice(0, cut);
    return head.replace(/[\s,;:–-]+$/, "") + "…";
  }
  function drawLabels(wx0, wy0, wx1, wy1) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = LABEL_FONT;
    var budget = 250, s = view.scale, makeWayTries = MAKE_WAY_TRIES;
    var grid = markerGrid(wx0, wy0, wx1, wy1);
    var placed = [];              // {i, text, w, spots, at, box, markers}
    var cells = new Map();        // grid cell -> indices into placed
    function file(k, add) {
      var b = placed[k].box, keys = boxCells(b[0], b[1], b[2], b[3]);
      for (var q = 0; q < keys.length; q++) {
        var list = cells.get(keys[q]);
        if (add) { if (list) list.push(k); else cells.set(keys[q], [k]); }
        else list.splice(list.indexOf(k), 1);
      }
    }
    function inWay(b, skip, max) {
      // the placed labels (indices, but `skip`) whose boxes overlap b; stops after `max`
      var out = [], keys = boxCells(b[0], b[1], b[2], b[3]);
      for (var q = 0; q < keys.length; q++) {
        var list = cells.get(keys[q]);
        if (!list) continue;
        for (var c = 0; c < list.length; c++) {
          var k = list[c];
          if (k !== skip && overlap(b, placed[k].box) && out.indexOf(k) < 0) {
            out.push(k);
            if (out.length > max) return out;
          }
        }
      }
      return out;
    }
    function open(b, i, markers) {
      return b[0] >= 0 && b[1] >= 0 && b[2] <= W && b[3] <= H && !(markers && coversMarker(grid, b, i));
    }
    function move(k, at) {
      file(k, false);
      placed[k].at = at; placed[k].box = spotBox(placed[k].spots[at], placed[k].w);
      file(k, true);
    }
    function makeWay(b, ks) {
      // move labels ks, in the way of box b, to other free spots of theirs; true if done
      var undo = [];
      for (var q = 0; q < ks.length; q++) {
        var L = placed[ks[q]], found = -1;
        for (var a = 0; a < L.spots.length && found < 0; a++) {
          if (a === L.at) continue;
          var b2 = spotBox(L.spots[a], L.w);
          if (!overlap(b2, b) && open(b2, L.i, L.markers) && !inWay(b2, ks[q], 0).length) found = a;
        }
        if (found < 0) {
          for (var u = undo.length - 1; u >= 0; u--) move(undo[u][0], undo[u][1]);
          return false;
        }
        undo.push([ks[q], L.at]);
        move(ks[q], found);
      }
      return true;
    }
    function place(i, text, w, side, cx, cy, rad, markers) {
      // the label at its first free spot, else where the labels in the way can move off
      var spots = labelSpots(side, cx, cy, rad, w), movable = [];
      for (var sp = 0; sp < spots.length; sp++) {
        var b = spotBox(spots[sp], w);
        if (!open(b, i, markers)) continue;
        var ks = inWay(b, -1, MAX_MOVED);
        if (!ks.length) return { i: i, text: text, w: w, spots: spots, at: sp, box: b, markers: markers };
        if (ks.length <= MAX_MOVED) movable.push([sp, b, ks]);
      }
      if (!movable.length || makeWayTries <= 0) return null;
      makeWayTries--;
      for (var m = 0; m < movable.length; m++) {
        if (makeWay(movable[m][1], movable[m][2])) {
          return { i: i, text: text, w: w, spots: spots, at: movable[m][0], box: movable[m][1], markers: markers };
        }
      }
      return null;
    }
    var first = [];
    highlight.forEach(function (i) { first.push(i); });
    var order = first.concat(labelOrder);
    var done = new Set();
    for (var o = 0; o < order.length && placed.length < budget; o++) {
      var i = order[o], n = nodes[i];
      if (done.has(i)) continue;
      done.add(i);
      if (!nodeVisible[i] || n.x < wx0 || n.x > wx1 || n.y < wy0 || n.y > wy1) continue;
      var important = n.kind === "event" || highlight.has(i);
      if (!important && N > 400 && n.r * s < 4.5) continue;
      if (!important && secondary[i] && s < LABELS.secondaryScale) continue;
      var text = n.label.length > 48 ? n.label.slice(0, 46) + "…" : n.label;
      var cx = n.x * s + view.tx, cy = n.y * s + view.ty, rad = Math.max(n.r * s, 2.5) * 1.25 + 3;
      var side = n.side === undefined ? 1 : n.side;
      ctx.font = (n.kind === "event" ? "600 " : "") + LABEL_FONT;
      var w = labelWidth(i);
      // the whole label, then shorter ones; an event's label rather covers a marker than
      // go missing or lose its name
      var got = place(i, text, w, side, cx, cy, rad, true);
      if (!got && n.kind === "event") got = place(i, text, w, side, cx, cy, rad, false);
      for (var k = 0; k < SHORTER.length && !got && n.kind !== "event"; k++) {
        var t = shortened(text, SHORTER[k]);
        if (t) got = place(i, t, ctx.measureText(t).width, side, cx, cy, rad, true);
      }
      if (!got) {
        if (!(selected && selected.node === i)) continue;
        var sel = labelSpots(side, cx, cy, rad, w);
        got = { i: i, text: text, w: w, spots: sel, at: 0, box: spotBox(sel[0], w), markers: false };
      }
      placed.push(got);
      file(placed.length - 1, true);
    }
    ctx.textBaseline = "middle";
    shownLabels = [];
    placed.forEach(function (L) {
      var n = nodes[L.i], b = L.box;
      shownLabels.push([L.i, b[0], b[1], b[2], b[3]]);
      ctx.fillStyle = "rgba(255,255,255,0.8)";
      ctx.fillRect(b[0], b[1], b[2] - b[0], b[3] - b[1]);
      ctx.font = (n.kind === "event" ? "600 " : "") + LABEL_FONT;
      ctx.fillStyle = n.kind === "event" ? "#8a2c00" : "#222";
      ctx.fillText(L.text, b[0] + 1, (b[1] + b[3]) / 2);
    });
  }

  // ---- hit testing ----------------------------------------------------------------------
  function toWorld(px, py) { return [(px - view.tx) / view.scale, (py - view.ty) / view.scale]; }
  function nodeAt(px, py) {
    var w = toWorld(px, py), best = -1, bestD = Infinity, s = view.scale;
    for (var i = 0; i < N; i++) {
      if (!nodeVisible[i]) continue;
      var n = nodes[i], d = Math.hypot(n.x - w[0], n.y - w[1]);
      var reach = Math.max(n.r, 2.5 / s) * 1.3 + 3 / s;
      if (d <= reach && d < bestD) { best = i; bestD = d; }
    }
    return best;
  }
  function edgeAt(px, py) {
    var w = toWorld(px, py), best = -1, bestD = 6 / view.scale;
    for (var k = 0; k < E; k++) {
      if (!edgeVisible[k]) continue;
      var e = edges[k], a = nodes[e.s], b = nodes[e.t], d;
      if (e.bent) {
        d = Infinity;
        var lx = a.x, ly = a.y;
        for (var j = 1; j <= 10; j++) {
          var t = j / 10, u = 1 - t;
          var x = u * u * a.x + 2 * u * t * e.cx + t * t * b.x;
          var y = u * u * a.y + 2 * u * t * e.cy + t * t * b.y;
          d = Math.min(d, segDist(w[0], w[1], lx, ly, x, y));
          lx = x; ly = y;
        }
      } else d = segDist(w[0], w[1], a.x, a.y, b.x, b.y);
      if (d < bestD) { best = k; bestD = d; }
    }
    return best;
  }
  function segDist(px, py, ax, ay, bx, by) {
    var dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    var t = l2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
    return Math.hypot(px - ax - t * dx, py - ay - t * dy);
  }

  // ---- detail panel -----------------------------------------------------------------------
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = String(text);
    return x;
  }
  function nodeLink(id) {
    var i = byId.get(id);
    var a = el("a", "node", i === undefined ? id : nodes[i].label);
    a.addEventListener("click", function () { select(id, true); });
    return a;
  }
  var FACTS = [["subkind", "type"], ["begin", "from"], ["end", "to"], ["date", "date"],
    ["event_type", "event type"], ["file_name", "file"], ["language", "language"],
    ["genre", "genre"], ["number", "footnote"], ["text", "entry as written"],
    ["creator", "author"], ["isbn", "ISBN"], ["lat", "latitude"], ["lon", "longitude"],
    ["same_as", "same as"], ["id", "id"]];

  function claimCard(cid) {
    var c = claims[cid];
    var box = el("div", "claim" + (c.disputed ? " disputed" : ""));
    box.style.borderLeftColor = STYLE.claims[c.type].color;
    box.dataset.claim = cid;
    var head = el("div", "head");
    var badge = el("span", "badge", c.type);
    badge.style.background = STYLE.claims[c.type].color;
    head.appendChild(badge);
    if (c.disputed) head.appendChild(el("span", "badge dispute", "disputed"));
    head.appendChild(document.createTextNode((c.stance === "denies" ? "denies: " : "") + c.summary));
    box.appendChild(head);
    var who = el("div", "meta");
    if (c.voice) {
      who.appendChild(document.createTextNode("document's own voice: "));
    } else {
      who.appendChild(document.createTextNode("claimant: "));
    }
    if (c.claimant_id) who.appendChild(nodeLink(c.claimant_id));
    if (c.claimant_text && c.claimant_text !== c.claimant) {
      who.appendChild(document.createTextNode(" (as written: “" + c.claimant_text + "”)"));
    }
    if (c.year) who.appendChild(document.createTextNode(" · " + c.year));
    box.appendChild(who);
    var about = el("div", "meta");
    about.appendChild(document.createTextNode("about: "));
    about.appendChild(nodeLink(c.event));
    if (c.victims) about.appendChild(document.createTextNode(" · victims as written: " + c.victims));
    if (c.breakdown) about.appendChild(document.createTextNode(" · of whom " + c.breakdown));
    if (c.certainty) about.appendChild(document.createTextNode(" · hedge: " + c.certainty));
    box.appendChild(about);
    if (c.quote) box.appendChild(el("blockquote", null, c.quote));
    if (c.document) {
      var src = el("div", "meta");
      src.appendChild(document.createTextNode("in "));
      src.appendChild(nodeLink(c.document));
      var where = [];
      if (c.file_name) where.push(c.file_name);
      if (c.quote_start !== undefined) where.push("chars " + c.quote_start + "–" + c.quote_end);
      if (where.length) src.appendChild(document.createTextNode(" (" + where.join(", ") + ")"));
      box.appendChild(src);
    }
    if (c.notes && c.notes.length) {
      box.appendChild(el("div", "meta", "footnotes:"));
      var ol = el("ol", "notes");
      c.notes.forEach(function (nt) {
        var li = el("li");
        li.appendChild(document.createTextNode("[" + nt[0] + "] "));
        li.appendChild(document.createTextNode(nt[1]));
        ol.appendChild(li);
      });
      box.appendChild(ol);
    }
    if (c.disputed_by) box.appendChild(el("div", "meta", "disputed by: " + c.disputed_by));
    return box;
  }

  function claimsOfNode(i) {
    var seen = new Set(), out = [];
    incident[i].forEach(function (k) {
      var e = edges[k];
      if (e.claim && !seen.has(e.claim)) { seen.add(e.claim); out.push(e.claim); }
    });
    var rank = Object.keys(STYLE.claims);
    out.sort(function (a, b) {
      var ca = claims[a], cb = claims[b];
      return (rank.indexOf(ca.type) - rank.indexOf(cb.type)) ||
        String(ca.claimant || "").localeCompare(String(cb.claimant || "")) || (a < b ? -1 : 1);
    });
    return out;
  }

  function showNode(i) {
    var n = nodes[i];
    panel.replaceChildren();
    panel.dataset.selected = n.id;
    panel.appendChild(el("h2", null, n.label));
    panel.appendChild(el("div", "kind", STYLE.nodes[n.kind].label.split(" (")[0]));
    var tbl = el("table");
    FACTS.forEach(function (f) {
      var v = f[0] === "id" ? n.id : (n.info || {})[f[0]];
      if (f[0] === "subkind" && v === n.kind) return;
      if (v === undefined || v === null || v === "") return;
      var tr = el("tr");
      tr.appendChild(el("td", null, f[1]));
      tr.appendChild(el("td", null, v));
      tbl.appendChild(tr);
    });
    panel.appendChild(tbl);
    var cs = claimsOfNode(i);
    panel.appendChild(el("h3", null, "Claims (" + cs.length + ")"));
    if (!cs.length) panel.appendChild(el("div", "hint", "No claim rests on this node."));
    cs.forEach(function (cid) { panel.appendChild(claimCard(cid)); });
    var links = incident[i].filter(function (k) { return !edges[k].claim; });
    if (links.length) {
      panel.appendChild(el("h3", null, "Links (" + links.length + ")"));
      var ul = el("ul", "links");
      links.slice(0, 300).forEach(function (k) {
        var e = edges[k], li = el("li");
        var other = e.s === i ? e.t : e.s;
        li.appendChild(document.createTextNode(e.s === i ? e.label + " → " : "← " + e.label + " "));
        li.appendChild(nodeLink(nodes[other].id));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
  }

  function showEdge(k) {
    var e = edges[k];
    panel.replaceChildren();
    panel.dataset.selected = "edge:" + k;
    var h = el("h2");
    h.appendChild(nodeLink(nodes[e.s].id));
    h.appendChild(document.createTextNode(" — " + e.label + " → "));
    h.appendChild(nodeLink(nodes[e.t].id));
    panel.appendChild(h);
    if (e.claim) panel.appendChild(claimCard(e.claim));
    else panel.appendChild(el("div", "hint", "A structural link: no claimant, not contested."));
  }

  function select(id, center) {
    var i = typeof id === "number" ? id : byId.get(id);
    if (i === undefined) return false;
    selected = { node: i };
    highlight = new Set([i]);
    incident[i].forEach(function (k) {
      if (edgeVisible[k]) { highlight.add(edges[k].s); highlight.add(edges[k].t); }
    });
    if (center) {
      var n = nodes[i];
      view.scale = Math.max(view.scale, 1.5 * baseScale);
      view.tx = W / 2 - n.x * view.scale; view.ty = H / 2 - n.y * view.scale;
    }
    showNode(i);
    draw();
    return true;
  }
  function selectEdge(k) {
    selected = { edge: k };
    highlight = new Set([edges[k].s, edges[k].t]);
    showEdge(k);
    draw();
  }
  function clearSelection() {
    selected = null; highlight = new Set();
    panel.replaceChildren(el("p", "hint", "Click a node or an edge to see its claims: quotes, claimants, documents and footnotes."));
    panel.dataset.selected = "";
    draw();
  }

  // ---- search and filters ---------------------------------------------------------------
  var searchText = nodes.map(function (n) { return (n.label + " " + n.id).toLowerCase(); });
  function search(q) {
    var t = performance.now();
    q = (q || "").trim().toLowerCase();
    if (!q) { statusEl.textContent = ""; return { matches: 0, ms: 0 }; }
    var hits = [];
    for (var i = 0; i < N; i++) {
      if (searchText[i].indexOf(q) >= 0) hits.push(i);
    }
    // an exact label match first, then events, then the best connected
    hits.sort(function (a, b) {
      var ea = nodes[a].label.toLowerCase() === q ? 0 : 1, eb = nodes[b].label.toLowerCase() === q ? 0 : 1;
      var ka = nodes[a].kind === "event" ? 0 : 1, kb = nodes[b].kind === "event" ? 0 : 1;
      return (ea - eb) || (ka - kb) || (degree[b] - degree[a]);
    });
    statusEl.textContent = hits.length + " match" + (hits.length === 1 ? "" : "es");
    if (hits.length) select(hits[0], true);
    if (hits.length > 1) {
      panel.appendChild(el("h3", null, "Other matches"));
      var ul = el("ul", "links");
      hits.slice(1, 30).forEach(function (i) {
        var li = el("li"); li.appendChild(nodeLink(nodes[i].id)); ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    return { matches: hits.length, ms: performance.now() - t };
  }

  function applyFilters() {
    computeVisibility();
    if (selected && selected.node !== undefined && !nodeVisible[selected.node]) clearSelection();
    else draw();
  }

  function buildControls() {
    var types = document.getElementById("types");
    Object.keys(STYLE.claims).forEach(function (t) {
      var lab = el("label"), cb = el("input");
      cb.type = "checkbox"; cb.checked = true; cb.dataset.type = t;
      cb.addEventListener("change", function () { typeOn[t] = cb.checked; applyFilters(); });
      var sw = el("span", "swatch"); sw.style.background = STYLE.claims[t].color;
      lab.appendChild(cb); lab.appendChild(sw); lab.appendChild(document.createTextNode(t));
      types.appendChild(lab);
    });
    var sel = document.getElementById("claimant");
    var seen = new Map();
    Object.keys(claims).forEach(function (cid) {
      var c = claims[cid];
      if (c.claimant_id && !seen.has(c.claimant_id)) seen.set(c.claimant_id, c.claimant);
    });
    Array.from(seen.entries()).sort(function (a, b) { return a[1].localeCompare(b[1]); })
      .forEach(function (p) {
        var o = el("option", null, p[1]); o.value = p[0]; sel.appendChild(o);
      });
    sel.addEventListener("change", function () { claimantFilter = sel.value; applyFilters(); });
    document.getElementById("disputed").addEventListener("change", function (ev) {
      onlyDisputed = ev.target.checked; applyFilters();
    });
    var input = document.getElementById("search");
    input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(input.value); });
    document.getElementById("go").addEventListener("click", function () { search(input.value); });
    document.getElementById("zin").addEventListener("click", function () { zoomAt(W / 2, H / 2, 1.4); });
    document.getElementById("zout").addEventListener("click", function () { zoomAt(W / 2, H / 2, 1 / 1.4); });
    document.getElementById("zfit").addEventListener("click", function () { fit(); draw(); });
    buildLegend();
  }

  function svgShape(shape, color) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "18"); svg.setAttribute("height", "14");
    var p;
    if (shape === "circle") {
      p = document.createElementNS(ns, "circle");
      p.setAttribute("cx", "9"); p.setAttribute("cy", "7"); p.setAttribute("r", "5");
    } else {
      p = document.createElementNS(ns, "polygon");
      var pts = { square: "4,2 14,2 14,12 4,12", diamond: "9,0 16,7 9,14 2,7",
        triangle: "9,1 16,13 2,13", hexagon: "9,1 15,4 15,10 9,13 3,10 3,4" }[shape];
      p.setAttribute("points", pts);
    }
    p.setAttribute("fill", color);
    svg.appendChild(p);
    return svg;
  }
  function svgLine(color, dashed) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "26"); svg.setAttribute("height", "10");
    var l = document.createElementNS(ns, "line");
    l.setAttribute("x1", "1"); l.setAttribute("y1", "5"); l.setAttribute("x2", "25"); l.setAttribute("y2", "5");
    l.setAttribute("stroke", color); l.setAttribute("stroke-width", dashed ? "2.5" : "2");
    if (dashed) l.setAttribute("stroke-dasharray", STYLE.dash.join(","));
    svg.appendChild(l);
    return svg;
  }
  function buildLegend() {
    // nodes and edges side by side: a low legend leaves the drawing more of the canvas
    // (the first frame is fitted above it)
    var lg = document.getElementById("legend");
    var kinds = el("section"), links = el("section");
    lg.appendChild(kinds); lg.appendChild(links);
    kinds.appendChild(el("h2", null, "Nodes"));
    Object.keys(STYLE.nodes).forEach(function (k) {
      var row = el("div"); row.appendChild(svgShape(STYLE.nodes[k].shape, STYLE.nodes[k].color));
      row.appendChild(document.createTextNode(STYLE.nodes[k].label)); kinds.appendChild(row);
    });
    links.appendChild(el("h2", null, "Edges (claimant or perpetrator → event)"));
    Object.keys(STYLE.claims).forEach(function (k) {
      var row = el("div"); row.appendChild(svgLine(STYLE.claims[k].color, false));
      row.appendChild(document.createTextNode(STYLE.claims[k].label)); links.appendChild(row);
    });
    var d = el("div"); d.appendChild(svgLine(STYLE.disputed, true));
    d.appendChild(document.createTextNode("disputed: sources disagree")); links.appendChild(d);
    var s = el("div"); s.appendChild(svgLine(STYLE.structural, false));
    s.appendChild(document.createTextNode("structural link (place, part of, cites, ...)")); links.appendChild(s);
  }

  // ---- pan and zoom -----------------------------------------------------------------------
  var baseScale = 1;
  function zoomAt(px, py, f) {
    var ns = Math.max(baseScale * 0.2, Math.min(baseScale * 200, view.scale * f));
    f = ns / view.scale;
    view.tx = px - (px - view.tx) * f; view.ty = py - (py - view.ty) * f;
    view.scale = ns;
    requestDraw();
  }
  var drag = null;
  canvas.addEventListener("mousedown", function (ev) {
    drag = { x: ev.clientX, y: ev.clientY, tx: view.tx, ty: view.ty, moved: false };
  });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; canvas.classList.add("dragging"); }
    if (drag.moved) { view.tx = drag.tx + dx; view.ty = drag.ty + dy; requestDraw(); }
  });
  window.addEventListener("mouseup", function (ev) {
    if (!drag) return;
    var moved = drag.moved;
    drag = null; canvas.classList.remove("dragging");
    if (moved) return;
    var r = canvas.getBoundingClientRect();
    var px = ev.clientX - r.left, py = ev.clientY - r.top;
    var i = nodeAt(px, py);
    if (i >= 0) { select(i, false); return; }
    var k = edgeAt(px, py);
    if (k >= 0) selectEdge(k); else clearSelection();
  });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = canvas.getBoundingClientRect();
    zoomAt(ev.clientX - r.left, ev.clientY - r.top, Math.exp(-ev.deltaY * 0.0015));
  }, { passive: false });
  window.addEventListener("resize", function () { resize(); fit(); requestDraw(); });

  // ---- start --------------------------------------------------------------------------------
  buildControls();
  computeVisibility();
  resize();
  fit();
  baseScale = view.scale;
  clearSelection();   // draws the first frame

  window.ckgView = {
    nodeCount: N,
    edgeCount: E,
    get nodesDrawn() { return stats.nodesDrawn; },
    get edgesDrawn() { return stats.edgesDrawn; },
    get firstDrawMs() { return stats.firstDrawMs; },
    get lastDrawMs() { return stats.lastDrawMs; },
    setupMs: performance.now() - T0,
    search: search,
    select: function (id) { return select(id, true); },
    screenPosition: function (id) {
      var i = byId.get(id);
      if (i === undefined) return null;
      var r = canvas.getBoundingClientRect();
      return { x: r.left + nodes[i].x * view.scale + view.tx, y: r.top + nodes[i].y * view.scale + view.ty };
    },
    edgeScreenPosition: function (k) {
      var e = edges[k], a = nodes[e.s], b = nodes[e.t], r = canvas.getBoundingClientRect();
      var x = e.bent ? 0.25 * a.x + 0.5 * e.cx + 0.25 * b.x : (a.x + b.x) / 2;
      var y = e.bent ? 0.25 * a.y + 0.5 * e.cy + 0.25 * b.y : (a.y + b.y) / 2;
      return { x: r.left + x * view.scale + view.tx, y: r.top + y * view.scale + view.ty };
    },
    // the labels of the last frame: {id, box: [x0, y0, x1, y1]} in page pixels
    labels: function () {
      var r = canvas.getBoundingClientRect();
      return shownLabels.map(function (l) {
        return { id: nodes[l[0]].id, kind: nodes[l[0]].kind,
          box: [l[1] + r.left, l[2] + r.top, l[3] + r.left, l[4] + r.top] };
      });
    },
    // the drawn node markers of the last frame: {id, x, y, r} in page pixels
    markers: function () {
      var r = canvas.getBoundingClientRect(), out = [], s = view.scale;
      var wx0 = -view.tx / s, wy0 = -view.ty / s, wx1 = (W - view.tx) / s, wy1 = (H - view.ty) / s;
      for (var i = 0; i < N; i++) {
        var n = nodes[i];
        if (!nodeVisible[i] || n.x < wx0 || n.x > wx1 || n.y < wy0 || n.y > wy1) continue;
        out.push({ id: n.id, kind: n.kind, x: r.left + n.x * s + view.tx, y: r.top + n.y * s + view.ty,
          r: Math.max(n.r * s, 2.5) });
      }
      return out;
    },
    redraw: function () { var t = performance.now(); draw(); return performance.now() - t; }
  };
})();
