// wengert teach: displays and steps the recording Wengert computed (the JSON in #data).
// No number here is derived by differentiation: values, partials, tangent columns and adjoints
// all come from Java. The only arithmetic is the linear combination of the tangent columns by
// the reader's seed, and the products shown in the explanations.
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var N = D.entries.length;
  function num(v) { return typeof v === 'string' ? Number(v) : v; }
  D.entries.forEach(function (e) { e.value = num(e.value); e.partials = e.partials.map(num); });
  if (D.tangents) { D.tangents = D.tangents.map(function (c) { return c.map(num); }); }
  D.adjoints.forEach(function (a) {
    a.adj = a.adj.map(num);
    a.updates = a.updates.map(function (us) { return us.map(function (u) { return [u[0], num(u[1]), num(u[2])]; }); });
  });

  /** Like the CLI's Fmt.num: up to `digits` significant digits, trailing zeros dropped, Java's %g exponents. */
  function fmt(v, digits) {
    digits = digits || 12;
    if (Number.isNaN(v)) { return 'NaN'; }
    if (!Number.isFinite(v)) { return v > 0 ? 'Infinity' : '-Infinity'; }
    if (v === Math.round(v) && Math.abs(v) < 1e15) { return v === 0 && 1 / v < 0 ? '-0' : String(v); }
    var s = v.toExponential(digits - 1);
    var at = s.indexOf('e');
    var ex = parseInt(s.slice(at + 1), 10);
    function strip(m) { return m.indexOf('.') < 0 ? m : m.replace(/0+$/, '').replace(/\.$/, ''); }
    if (ex < -4 || ex >= digits) {
      var a = Math.abs(ex);
      return strip(s.slice(0, at)) + 'e' + (ex < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
    }
    return strip(v.toFixed(digits - 1 - ex));
  }
  function fmt6(v) { return fmt(v, 6); }
  /** A factor in a product: negative numbers in parentheses, 2 · (-3). */
  function factor(text) { return text.charAt(0) === '-' ? '(' + text + ')' : text; }
  function el(tag, attrs, text) {
    var x = document.createElement(tag);
    for (var k in attrs || {}) { x.setAttribute(k, attrs[k]); }
    if (text !== undefined) { x.textContent = text; }
    return x;
  }
  function sv(tag, attrs, text) {
    var x = document.createElementNS(SVG, tag);
    for (var k in attrs || {}) { x.setAttribute(k, attrs[k]); }
    if (text !== undefined) { x.textContent = text; }
    return x;
  }
  function v(i) { return 'v' + i; }
  function outName(k) { return D.outputs.length === 1 ? 'f' : 'f' + k; }

  var drawnOrder = [];
  for (var i = 0; i < N; i++) { if (D.entries[i].drawn) { drawnOrder.push(i); } }
  var state = { mode: 'evaluate', step: 0, seed: D.seed.slice(), output: D.output };
  var tangent = null;
  function computeTangents() {
    // tan = sum over inputs j with seed_j != 0 of seed_j * (Wengert's tangent column along e_j)
    if (D.seedFixed) { tangent = D.tangents[0]; return; }
    var t = new Array(N).fill(0);
    for (var j = 0; j < state.seed.length; j++) {
      if (state.seed[j] !== 0) {
        var col = D.tangents[j];
        for (var i = 0; i < N; i++) { t[i] += state.seed[j] * col[i]; }
      }
    }
    tangent = t;
  }
  function steps(mode) {
    if (mode === 'adjoint') { return drawnOrder.slice().reverse(); }
    if (mode === 'plan') { return D.plan ? D.plan.operations : []; }
    return drawnOrder;
  }

  // ---- the header, tabs and options
  document.getElementById('title').textContent = D.title;
  document.getElementById('point').textContent = D.point;
  if (!D.plan) { document.getElementById('tab-plan').hidden = true; }
  var seedBox = document.getElementById('seed-box');
  seedBox.appendChild(el('span', {}, 'seed:'));
  D.variables.forEach(function (name, j) {
    var lab = el('label', {'for': 'seed-' + j}, 'd' + name);
    var inp = el('input', {id: 'seed-' + j, type: 'number', step: 'any', value: fmt(state.seed[j])});
    if (D.seedFixed) { inp.disabled = true; inp.title = 'a recording this large keeps the seed given by --seed'; }
    inp.addEventListener('change', function () {
      var x = Number(inp.value);
      if (inp.value.trim() === '' || !Number.isFinite(x)) { inp.value = fmt(state.seed[j]); return; }
      state.seed[j] = x;
      computeTangents();
      render();
    });
    seedBox.appendChild(lab);
    seedBox.appendChild(inp);
  });
  var outputBox = document.getElementById('output-box');
  outputBox.appendChild(el('label', {'for': 'output'}, 'output:'));
  var select = el('select', {id: 'output'});
  D.outputs.forEach(function (entry, k) {
    select.appendChild(el('option', {value: String(k)}, outName(k) + ' (' + v(entry) + ')'));
  });
  select.value = String(state.output);
  select.addEventListener('change', function () { state.output = Number(select.value); state.step = 0; render(); });
  outputBox.appendChild(select);
  computeTangents();

  // ---- the drawing
  var nodeEls = {}, edgeEls = {}, svg = document.getElementById('graph');
  if (D.layout) {
    var L = D.layout;
    svg.setAttribute('viewBox', '0 0 ' + L.width + ' ' + L.height);
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    // a graph that would shrink below 70% to fit is drawn at 80% in a scrolling pane instead,
    // and the pane follows the current entry
    var pane = document.getElementById('graph-pane');
    function fit() {
      var scale = Math.min(pane.clientWidth / L.width, pane.clientHeight / L.height);
      var scroll = scale < 0.7;
      pane.classList.toggle('scroll', scroll);
      svg.style.width = scroll ? 0.8 * L.width + 'px' : '';
      svg.style.height = scroll ? 0.8 * L.height + 'px' : '';
    }
    fit();
    window.addEventListener('resize', fit);
    var defs = sv('defs');
    ['plain', 'evaluate', 'tangent', 'adjoint', 'cut'].forEach(function (kind) {
      var m = sv('marker', {id: 'arrow-' + kind, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '11',
        markerHeight: '11', markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse'});
      var colour = {plain: '#868e96', evaluate: '#2b8a3e', tangent: '#1864ab', adjoint: '#d9480f', cut: '#1b1f24'}[kind];
      m.appendChild(sv('path', {d: 'M0,0 L10,5 L0,10 z', fill: colour}));
      defs.appendChild(m);
    });
    svg.appendChild(defs);
    var edgeLayer = sv('g'), labelLayer = sv('g'), nodeLayer = sv('g');
    svg.appendChild(edgeLayer); svg.appendChild(nodeLayer); svg.appendChild(labelLayer);
    L.edges.forEach(function (e) {
      var g = sv('g', {'class': 'edge', id: 'edge-' + e.to + '-' + e.k});
      var d = '';
      for (var p = 0; p < e.points.length; p += 2) { d += (p === 0 ? 'M' : 'L') + e.points[p] + ',' + e.points[p + 1]; }
      var path = sv('path', {d: d, 'marker-end': 'url(#arrow-plain)'});
      g.appendChild(path);
      edgeLayer.appendChild(g);
      var lab = null;
      if (e.label) {
        lab = sv('g', {'class': 'edge elabel-g', id: 'label-' + e.to + '-' + e.k});
        var inner = sv('g', {'class': 'elabel'});
        inner.appendChild(sv('rect', {x: e.label[0] - 2, y: e.label[1] - 1, width: e.label[2] + 4, height: e.label[3] + 2, rx: 3}));
        inner.appendChild(sv('text', {x: e.label[0] + e.label[2] / 2, y: e.label[1] + e.label[3] - 5, 'text-anchor': 'middle'}, e.text));
        lab.appendChild(inner);
        labelLayer.appendChild(lab);
      }
      edgeEls[e.to + '-' + e.k] = {g: g, path: path, label: lab, from: e.from, to: e.to};
    });
    L.nodes.forEach(function (b, i) {
      if (!b) { return; }
      var en = D.entries[i];
      var g = sv('g', {'class': 'node' + (en.input >= 0 ? ' input' : ''), id: 'node-' + i});
      g.appendChild(sv('rect', {'class': 'box', x: b[0], y: b[1], width: b[2], height: b[3], rx: en.input >= 0 ? 18 : 8}));
      var text = en.text.length > L.stepChars ? en.text.slice(0, L.stepChars - 1) + '\u2026' : en.text;
      var cx = b[0] + b[2] / 2;
      var t1 = sv('text', {x: cx, y: b[1] + L.line, 'text-anchor': 'middle'});
      t1.appendChild(sv('tspan', {'class': 'step'}, text));
      var t2 = sv('tspan', {'class': 'val'}, '');
      t1.appendChild(t2);
      var t3 = sv('text', {'class': 'extra', x: cx, y: b[1] + 2 * L.line, 'text-anchor': 'middle'}, '');
      var title = sv('title', {}, en.text + (en.role ? '  (' + en.role + ')' : ''));
      g.appendChild(title); g.appendChild(t1); g.appendChild(t3);
      D.outputs.forEach(function (o, k) {
        if (o !== i) { return; }
        // the output's name on a badge at the box's top right corner
        var name = outName(k), w = 14 + 10 * name.length;
        g.classList.add('output');
        g.appendChild(sv('rect', {'class': 'badge', x: b[0] + b[2] - w + 6, y: b[1] - 12, width: w, height: 22, rx: 11}));
        g.appendChild(sv('text', {'class': 'badge-text', x: b[0] + b[2] - w / 2 + 6, y: b[1] + 4, 'text-anchor': 'middle'}, name));
      });
      nodeLayer.appendChild(g);
      nodeEls[i] = {g: g, val: t2, extra: t3};
    });
  } else {
    svg.style.display = 'none';
    var msg = document.getElementById('message');
    msg.style.display = 'block';
    msg.textContent = D.message;
  }

  // ---- the Wengert list
  var table = document.getElementById('list');
  var head = el('tr');
  ['entry', 'value', 'local partials', ''].forEach(function (h, c) {
    head.appendChild(el('th', {'class': c === 1 || c === 3 ? 'num' : c === 2 ? 'partials' : ''}, h));
  });
  var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
  var extraHead = head.children[3];
  var tbody = el('tbody'); table.appendChild(tbody);
  var rows = [];
  D.entries.forEach(function (en, i) {
    var tr = el('tr', {id: 'row-' + i, 'class': en.drawn ? '' : 'hidden-entry'});
    var stepCell = el('td', {'class': 'step', title: en.drawn ? en.role : 'an unused constant: listed, not drawn'}, en.text);
    D.outputs.forEach(function (o, k) { if (o === i) { stepCell.appendChild(el('span', {'class': 'tag'}, outName(k))); } });
    tr.appendChild(stepCell);
    var val = el('td', {'class': 'val num'}); val.appendChild(el('span', {'class': 'num'}, fmt(en.value)));
    tr.appendChild(val);
    var parts = en.operands.map(function (o, k) { return '\u2202/\u2202' + v(o) + ' = ' + fmt(en.partials[k]); });
    tr.appendChild(el('td', {'class': 'partials'}, parts.join(', ')));
    var extra = el('td', {'class': 'extra num'}); tr.appendChild(extra);
    tbody.appendChild(tr);
    rows.push({tr: tr, extra: extra});
  });

  // ---- rendering one state
  var explain = document.getElementById('explain');
  var planPane = document.getElementById('plan-pane');
  function line(cls, text) { explain.appendChild(el('div', {'class': cls}, text)); }
  function setExtra(i, text, cls) {
    var cell = rows[i].extra;
    cell.textContent = '';
    cell.className = 'extra num' + (cls ? ' ' + cls : '');
    if (text !== '') {
      cell.appendChild(el('span', {'class': 'num'}, text));
      if (cls === 'so-far') { cell.appendChild(el('span', {'class': 'note'}, ' so far')); }
    }
    if (nodeEls[i]) {
      var label = state.mode === 'tangent' ? 'tan ' : state.mode === 'adjoint' ? 'adj ' : '';
      nodeEls[i].extra.textContent = text === '' ? '' : (cls === 'so-far' ? 'so far ' : label) + fmt6(Number(text));
    }
  }
  function markEdge(i, k, on) {
    var e = edgeEls[i + '-' + k];
    if (!e) { return; }
    e.g.classList.toggle('on', on);
    if (e.label) { e.label.classList.toggle('on', on); }
    // the adjoint flows back, from the user to the operand: the arrow turns round
    var back = on && state.mode === 'adjoint';
    e.path.setAttribute('marker-end', back ? '' : 'url(#arrow-' + (on ? state.mode : 'plain') + ')');
    e.path.setAttribute('marker-start', back ? 'url(#arrow-adjoint)' : '');
  }
  function render() {
    var mode = state.mode;
    var list = steps(mode);
    state.step = Math.max(0, Math.min(state.step, list.length));
    document.body.className = 'mode-' + mode;
    svg.setAttribute('class', 'mode-' + mode);
    Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (t) {
      t.classList.toggle('on', t.getAttribute('data-mode') === mode);
    });
    document.getElementById('counter').textContent = 'step ' + state.step + ' / ' + list.length;
    document.getElementById('prev').disabled = state.step === 0;
    document.getElementById('restart').disabled = state.step === 0;
    document.getElementById('next').disabled = state.step === list.length;
    document.getElementById('end').disabled = state.step === list.length;
    seedBox.style.display = mode === 'tangent' ? '' : 'none';
    outputBox.style.display = mode === 'adjoint' && D.outputs.length > 1 ? '' : 'none';
    planPane.style.display = mode === 'plan' ? 'block' : 'none';
    extraHead.textContent = {evaluate: '', tangent: 'tangent', adjoint: 'adjoint', plan: 'segment'}[mode];
    // reset
    for (var i = 0; i < N; i++) {
      rows[i].tr.classList.remove('cur', 'touch', 'pending');
      setExtra(i, '', '');
      if (nodeEls[i]) {
        var g = nodeEls[i].g;
        g.classList.remove('cur', 'opnd', 'pending', 'done-t', 'done-a', 'so-far', 'seg-tangent', 'seg-adjoint', 'active');
        nodeEls[i].val.textContent = ' = ' + fmt6(D.entries[i].value);
      }
      for (var k = 0; k < D.entries[i].operands.length; k++) {
        markEdge(i, k, false);
        var e = edgeEls[i + '-' + k];
        if (e) { e.g.classList.remove('cut'); }
      }
    }
    explain.textContent = '';
    if (history.replaceState) { try { history.replaceState(null, '', '#' + mode + ':' + state.step); } catch (x) { /* a file: URL may refuse */ } }
    ({evaluate: renderEvaluate, tangent: renderTangent, adjoint: renderAdjoint, plan: renderPlan})[mode](list);
  }
  function focus(i) {
    rows[i].tr.classList.add('cur');
    rows[i].tr.scrollIntoView({block: 'nearest'});
    if (nodeEls[i]) {
      nodeEls[i].g.classList.add('cur');
      if (document.getElementById('graph-pane').classList.contains('scroll')) {
        nodeEls[i].g.scrollIntoView({block: 'center', inline: 'center'});
      }
    }
    var en = D.entries[i];
    for (var k = 0; k < en.operands.length; k++) {
      markEdge(i, k, true);
      rows[en.operands[k]].tr.classList.add('touch');
      if (nodeEls[en.operands[k]]) { nodeEls[en.operands[k]].g.classList.add('opnd'); }
    }
  }
  function renderEvaluate(list) {
    for (var s = state.step; s < list.length; s++) {
      var i = list[s];
      rows[i].tr.classList.add('pending');
      if (nodeEls[i]) { nodeEls[i].g.classList.add('pending'); nodeEls[i].val.textContent = ' = ?'; }
    }
    if (state.step === 0) {
      line('head', 'Forward evaluation');
      line('note', 'Each entry of the Wengert list is computed from its operands, first entry first; '
        + 'the local partials on the edges are recorded as it goes. Press \u2192 or Next.');
      return;
    }
    var i = list[state.step - 1], en = D.entries[i];
    focus(i);
    line('head', en.input >= 0 ? 'input ' + D.variables[en.input] : en.constant ? 'constant' : 'evaluate ' + v(i));
    line('eq', en.text + ' = ' + fmt(en.value));
    if (en.operands.length) {
      line('note', 'with ' + en.operands.map(function (o) { return v(o) + ' = ' + fmt(D.entries[o].value); }).join(', '));
      line('eq', 'local partials: ' + en.operands.map(function (o, k) {
        return '\u2202' + v(i) + '/\u2202' + v(o) + ' = ' + fmt(en.partials[k]); }).join(', '));
    }
    if (state.step === list.length) {
      line('result', D.outputs.map(function (o, k) { return outName(k) + ' = ' + v(o) + ' = ' + fmt(D.entries[o].value); }).join(', '));
    }
  }
  function renderTangent(list) {
    var sd = D.variables.map(function (name, j) { return 'd' + name + ' = ' + fmt(state.seed[j]); }).join(', ');
    for (var s = 0; s < state.step; s++) {
      var j = list[s];
      setExtra(j, fmt(tangent[j]), 'done');
      if (nodeEls[j]) { nodeEls[j].g.classList.add('done-t'); }
    }
    if (state.step === 0) {
      line('head', 'Tangent sweep along the seed (' + sd + ')');
      line('note', 'Forward mode pushes derivatives from the inputs outward: tan(v\u1D62) = \u03A3 \u2202v\u1D62/\u2202v\u2C7C \u00B7 tan(v\u2C7C), '
        + 'first entry first. One sweep gives the directional derivative along the seed. Change the seed above.');
      return;
    }
    var i = list[state.step - 1], en = D.entries[i];
    focus(i);
    line('head', 'tangent of ' + v(i) + '  (seed ' + sd + ')');
    if (en.input >= 0) {
      line('eq', 'tan(' + v(i) + ') = d' + D.variables[en.input] + ' = ' + fmt(tangent[i]) + '   (seed)');
    } else if (en.operands.length === 0) {
      line('eq', 'tan(' + v(i) + ') = 0   (constant)');
    } else {
      line('eq', 'tan(' + v(i) + ') = ' + en.operands.map(function (o, k) { return factor(fmt(en.partials[k])) + ' \u00B7 tan(' + v(o) + ')'; }).join(' + '));
      line('eq', '        = ' + en.operands.map(function (o, k) { return factor(fmt6(en.partials[k])) + ' \u00B7 ' + factor(fmt6(tangent[o])); }).join(' + '));
      line('eq', '        = ' + fmt(tangent[i]));
    }
    if (state.step === list.length) {
      line('result', 'directional derivative: ' + D.outputs.map(function (o, k) {
        return 'd' + outName(k) + ' = tan(' + v(o) + ') = ' + fmt(tangent[o]); }).join(', '));
    }
  }
  function renderAdjoint(list) {
    var sweep = D.adjoints[state.output], out = D.outputs[state.output];
    var soFar = {};
    soFar[out] = 1;
    for (var s = 0; s < state.step; s++) {
      sweep.updates[list[s]].forEach(function (u) { soFar[u[0]] = u[2]; });
    }
    var done = {};
    for (s = 0; s < state.step; s++) { done[list[s]] = true; }
    for (var i = 0; i < N; i++) {
      if (done[i]) {
        setExtra(i, fmt(sweep.adj[i]), 'done');
        if (nodeEls[i]) { nodeEls[i].g.classList.add('done-a'); }
      } else if (soFar[i] !== undefined) {
        setExtra(i, fmt(soFar[i]), 'so-far');
        if (nodeEls[i]) { nodeEls[i].g.classList.add('so-far'); }
      }
    }
    var name = outName(state.output);
    if (state.step === 0) {
      line('head', 'Adjoint sweep of ' + name + ' (' + v(out) + ')');
      line('note', 'Reverse mode pulls derivatives from the output back: adj(' + v(out) + ') = 1 (the seed), then, last entry first, '
        + 'each entry adds \u2202v\u1D62/\u2202v\u2C7C \u00B7 adj(v\u1D62) to its operands. One sweep gives the whole gradient.');
      return;
    }
    var at = list[state.step - 1], en = D.entries[at];
    focus(at);
    line('head', 'adjoint of ' + v(at) + (at === out ? '  (the output: seed 1)' : ''));
    line('eq', 'adj(' + v(at) + ') = ' + fmt(sweep.adj[at]) + (en.input >= 0 ? '  = \u2202' + name + '/\u2202' + D.variables[en.input] : ''));
    var ups = sweep.updates[at];
    if (en.operands.length && ups.length === 0) {
      line('note', 'adj(' + v(at) + ') = 0: nothing to propagate');
    }
    if (ups.length) {
      var t = el('table', {'class': 'updates'}), hr = el('tr');
      ['update', 'adds', 'so far'].forEach(function (h) { hr.appendChild(el('th', {}, h)); });
      t.appendChild(hr);
      ups.forEach(function (u, k) {
        var r = el('tr');
        r.appendChild(el('td', {}, 'adj(' + v(u[0]) + ') += ' + fmt6(en.partials[k]) + ' \u00B7 adj(' + v(at) + ')'));
        r.appendChild(el('td', {'class': 'n'}, fmt6(u[1])));
        r.appendChild(el('td', {'class': 'n'}, fmt6(u[2])));
        t.appendChild(r);
      });
      explain.appendChild(t);
    }
    if (state.step === list.length) {
      line('result', 'gradient of ' + name + ': ' + D.variables.map(function (x, j) {
        var e = -1;
        for (var q = 0; q < N; q++) { if (D.entries[q].input === j) { e = q; } }
        return '\u2202/\u2202' + x + ' = ' + fmt(sweep.adj[e]);
      }).join(', '));
    }
  }
  var segOf = new Array(N).fill(-1);
  if (D.plan) {
    D.plan.segments.forEach(function (s) {
      for (var i = Math.max(0, s.first); i <= s.last && i < N; i++) {
        if (D.entries[i].input < 0 && !D.entries[i].constant) { segOf[i] = s.index; }
      }
    });
    var t = el('table'), hr = el('tr');
    ['segment', 'entries', 'ops', 'edges', 'fan-in', 'fan-out', 'mode'].forEach(function (h) { hr.appendChild(el('th', {}, h)); });
    t.appendChild(hr);
    D.plan.segments.forEach(function (s) {
      var r = el('tr', {id: 'seg-' + s.index});
      [s.index, s.first < 0 ? '(none)' : v(s.first) + '..' + v(s.last), s.ops, s.edges, s.fanIn, s.fanOut].forEach(function (c) {
        r.appendChild(el('td', {}, String(c)));
      });
      var m = el('td', {style: 'text-align:left'});
      m.appendChild(el('span', {'class': 'swatch', style: 'background:' + (s.mode === 'tangent' ? '#cfe2ff' : '#ffd8b0')}));
      m.appendChild(document.createTextNode(s.mode));
      r.appendChild(m);
      t.appendChild(r);
    });
    planPane.appendChild(t);
    var ol = el('ol', {'class': 'ops'});
    D.plan.operations.forEach(function (o, k) { ol.appendChild(el('li', {id: 'op-' + k}, o.text)); });
    planPane.appendChild(ol);
    var bars = el('div', {'class': 'bars'});
    var max = Math.max(D.plan.predicted, D.plan.forward, D.plan.reverse, 1);
    [['mixed plan', D.plan.predicted, '#2b8a3e'], ['pure forward', D.plan.forward, '#1864ab'], ['pure reverse', D.plan.reverse, '#d9480f']]
      .forEach(function (b) {
        bars.appendChild(el('span', {}, b[0]));
        var wrap = el('span');
        wrap.appendChild(el('div', {'class': 'bar', style: 'width:' + (100 * b[1] / max) + '%;background:' + b[2]}));
        bars.appendChild(wrap);
        bars.appendChild(el('span', {style: 'text-align:right'}, b[1].toLocaleString('en') + ''));
      });
    planPane.appendChild(el('div', {'class': 'note'}, 'cost in multiply-adds (a sweep costs its edges; an m\u00D7k by k\u00D7n product m\u00B7k\u00B7n):'));
    planPane.appendChild(bars);
  }
  function renderPlan(list) {
    for (var i = 0; i < N; i++) {
      if (nodeEls[i] && segOf[i] >= 0) {
        var s = D.plan.segments[segOf[i]];
        nodeEls[i].g.classList.add('seg-' + s.mode);
        setExtra(i, '', '');
        nodeEls[i].extra.textContent = 'segment ' + s.index;
        rows[i].extra.textContent = 's' + s.index + ' ' + s.mode;
      }
      // an edge whose operand lies outside the user's segment crosses a cut: it carries fan-in
      var en = D.entries[i];
      for (var k = 0; k < en.operands.length; k++) {
        var o = en.operands[k];
        if (segOf[i] >= 0 && segOf[o] !== segOf[i] && edgeEls[i + '-' + k]) { edgeEls[i + '-' + k].g.classList.add('cut'); }
      }
    }
    Array.prototype.forEach.call(planPane.querySelectorAll('tr.cur, li.cur, li.done'), function (x) { x.classList.remove('cur', 'done'); });
    if (state.step === 0) {
      line('head', 'Mixed mode: the tape cut into segments');
      line('note', 'Each segment maps its live-in values (fan-in) to its live-out values (fan-out). It is swept by tangents '
        + 'when its fan-in is smaller (blue), by adjoints when its fan-out is (orange); dashed edges cross a cut. '
        + 'Step through the plan\u2019s operations in order.');
      return;
    }
    for (var q = 0; q < state.step - 1; q++) { document.getElementById('op-' + q).classList.add('done'); }
    var op = list[state.step - 1];
    document.getElementById('op-' + (state.step - 1)).classList.add('cur');
    op.segments.forEach(function (s) {
      var r = document.getElementById('seg-' + s);
      if (r) { r.classList.add('cur'); }
      for (var i = 0; i < N; i++) { if (segOf[i] === s && nodeEls[i]) { nodeEls[i].g.classList.add('active'); } }
    });
    line('head', 'operation ' + state.step + ' of ' + list.length);
    line('eq', op.text);
    if (state.step === list.length) {
      line('result', 'plan ' + D.plan.predicted + ' multiply-adds; pure forward ' + D.plan.forward + ', pure reverse ' + D.plan.reverse);
    }
  }

  // ---- controls
  function go(step) { state.step = step; render(); }
  function setMode(mode) { if (mode === 'plan' && !D.plan) { return; } state.mode = mode; state.step = 0; render(); }
  document.getElementById('next').addEventListener('click', function () { go(state.step + 1); });
  document.getElementById('prev').addEventListener('click', function () { go(state.step - 1); });
  document.getElementById('restart').addEventListener('click', function () { go(0); });
  document.getElementById('end').addEventListener('click', function () { go(steps(state.mode).length); });
  Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (t) {
    t.addEventListener('click', function () { setMode(t.getAttribute('data-mode')); });
  });
  document.addEventListener('keydown', function (ev) {
    var tag = ev.target && ev.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT') { return; }
    if (ev.key === 'ArrowRight') { go(state.step + 1); } else if (ev.key === 'ArrowLeft') { go(state.step - 1); } else if (ev.key === 'Home') { go(0); } else if (ev.key === 'End') { go(steps(state.mode).length); } else { return; }
    ev.preventDefault();
  });
  // the address keeps the place: page.html#adjoint:5 opens the adjoint sweep at step 5
  var place = /^#(evaluate|tangent|adjoint|plan):(\d+)$/.exec(location.hash);
  if (place && (place[1] !== 'plan' || D.plan)) { state.mode = place[1]; state.step = Number(place[2]); }
  render();
}());
