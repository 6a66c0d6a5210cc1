/* relgraph HTML viewer: draws the inlined Cytoscape.js elements with the
 * embedded cytoscape library; search, type filter, details on click. All
 * data goes into the page through textContent, never as markup. */
(function () {
  'use strict';
  var body = document.body;
  var errors = 0;
  window.addEventListener('error', function () {
    errors++;
    body.setAttribute('data-errors', String(errors));
  });

  var doc = JSON.parse(document.getElementById('rg-graph').textContent);
  var els = doc.elements;
  var n = els.nodes.length;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fold(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  /* Deterministic start: nodes on a circle in file order; cose refines. */
  els.nodes.forEach(function (nd, i) {
    var a = 2 * Math.PI * i / Math.max(n, 1), r = 40 * Math.sqrt(n + 1);
    nd.position = { x: r * Math.cos(a), y: r * Math.sin(a) };
  });

  var cy = cytoscape({
    container: document.getElementById('cy'),
    elements: els,
    minZoom: 0.02,
    maxZoom: 6,
    layout: { name: 'preset' },
    style: [
      { selector: 'node', style: {
          'background-color': 'data(color)', 'shape': 'data(shape)',
          'width': 'data(size)', 'height': 'data(size)', 'label': 'data(label)',
          'font-size': 10, 'text-valign': 'bottom', 'text-halign': 'center',
          'text-margin-y': 2, 'border-width': 1, 'border-color': '#555',
          'min-zoomed-font-size': 6 } },
      { selector: 'edge', style: {
          'width': 'mapData(weight, 0, 10, 1, 6)', 'line-color': '#9a9a9a',
          'target-arrow-color': '#9a9a9a', 'target-arrow-shape': 'triangle',
          'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 7,
          'color': '#555', 'text-rotation': 'autorotate', 'min-zoomed-font-size': 8 } },
      { selector: 'edge[?symmetric]', style: { 'target-arrow-shape': 'none' } },
      { selector: '.hidden', style: { 'display': 'none' } },
      { selector: '.faded', style: { 'opacity': 0.15 } },
      { selector: '.hit', style: { 'border-width': 4, 'border-color': '#d00' } },
      { selector: ':selected', style: { 'border-width': 4, 'border-color': '#000',
                                        'line-color': '#000', 'target-arrow-color': '#000' } }
    ]
  });

  /* cose (Cytoscape's force-directed layout) is quadratic per iteration; big
   * graphs get the cheap concentric layout, biggest nodes in the middle. */
  var layout = n <= 1500
    ? { name: 'cose', animate: false, randomize: false, fit: true, padding: 30,
        numIter: n <= 300 ? 1000 : 300, nodeDimensionsIncludeLabels: false }
    : { name: 'concentric', animate: false, fit: true, padding: 30,
        concentric: function (node) { return node.data('size'); },
        levelWidth: function () { return 10; } };
  cy.layout(layout).run();
  cy.fit(undefined, 30);

  /* counts */
  var ne = els.edges.length;
  document.getElementById('counts').textContent =
    n + ' node' + (n === 1 ? '' : 's') + ', ' + ne + ' link' + (ne === 1 ? '' : 's') +
    (doc.data && doc.data.size_by ? ' \u00b7 size: ' + doc.data.size_by : '');

  /* type filter */
  var types = {};
  cy.nodes().forEach(function (node) {
    var t = node.data('type');
    if (!types[t]) types[t] = { count: 0, color: node.data('color') };
    types[t].count++;
  });
  var typeBox = document.getElementById('types');
  var colorByType = !(doc.data && doc.data.color_by === 'community');
  Object.keys(types).sort().forEach(function (t) {
    var lab = el('label');
    var cb = el('input');
    cb.type = 'checkbox';
    cb.checked = true;
    cb.value = t;
    cb.addEventListener('change', function () {
      var sel = cy.nodes().filter(function (x) { return x.data('type') === t; });
      if (cb.checked) sel.removeClass('hidden'); else sel.addClass('hidden');
    });
    lab.appendChild(cb);
    if (colorByType) {
      var sw = el('span', null, 'swatch');
      sw.style.background = types[t].color;
      lab.appendChild(sw);
    }
    lab.appendChild(document.createTextNode(t + ' (' + types[t].count + ')'));
    typeBox.appendChild(lab);
  });

  /* search by name and aliases */
  var search = document.getElementById('search');
  var hitsBox = document.getElementById('hits');
  function runSearch(focus) {
    var q = fold(search.value.trim());
    cy.elements().removeClass('faded hit');
    if (!q) { hitsBox.textContent = ''; return; }
    var hits = cy.nodes().filter(function (node) {
      if (fold(node.data('label')).indexOf(q) >= 0) return true;
      return (node.data('aliases') || []).some(function (a) { return fold(a).indexOf(q) >= 0; });
    });
    hitsBox.textContent = hits.length + ' match' + (hits.length === 1 ? '' : 'es');
    if (!hits.length) return;
    cy.elements().addClass('faded');
    hits.removeClass('faded').addClass('hit');
    hits.connectedEdges().removeClass('faded');
    if (focus) {
      cy.fit(hits, 80);
      if (hits.length === 1) showNode(hits[0]);
    }
  }
  search.addEventListener('input', function () { runSearch(false); });
  search.addEventListener('keydown', function (e) { if (e.key === 'Enter') runSearch(true); });

  /* details */
  var details = document.getElementById('details');
  var internal = { id: 1, value: 1, name: 1, label: 1, type: 1, aliases: 1, documents: 1,
                   color: 1, shape: 1, size: 1, mentions: 1 };
  function table(rows) {
    var t = el('table', null, 'attrs');
    rows.forEach(function (r) {
      var tr = el('tr');
      tr.appendChild(el('td', r[0]));
      tr.appendChild(el('td', r[1]));
      t.appendChild(tr);
    });
    return t;
  }
  function nodeLink(node) {
    var a = el('a', node.data('label'), 'node');
    a.addEventListener('click', function () { cy.elements().unselect(); node.select(); showNode(node); cy.center(node); });
    return a;
  }
  function evidenceList(edge, into) {
    (edge.data('evidence') || []).forEach(function (ev) {
      var q = el('blockquote', ev.text);
      if (ev.doc) { q.appendChild(document.createTextNode(' ')); q.appendChild(el('span', '\u2014 ' + ev.doc, 'doc')); }
      into.appendChild(q);
    });
  }
  function showNode(node) {
    var d = node.data();
    details.textContent = '';
    details.appendChild(el('h2', d.label));
    details.appendChild(el('div', d.type + ' \u00b7 ' + d.id, 'muted'));
    var scores = [], attrs = [];
    Object.keys(d).sort().forEach(function (k) {
      if (internal[k]) return;
      var v = d[k];
      (v !== '' && !isNaN(Number(v)) ? scores : attrs).push([k, String(v)]);
    });
    scores.unshift(['mentions', String(d.mentions)]);
    details.appendChild(el('h3', 'Aliases'));
    var ul = el('ul');
    (d.aliases || []).forEach(function (a) { ul.appendChild(el('li', a)); });
    details.appendChild(ul);
    details.appendChild(el('h3', 'Scores'));
    details.appendChild(table(scores));
    if (attrs.length) { details.appendChild(el('h3', 'Attributes')); details.appendChild(table(attrs)); }
    if ((d.documents || []).length) {
      details.appendChild(el('h3', 'Documents'));
      details.appendChild(el('div', d.documents.join(', '), 'muted'));
    }
    var edges = node.connectedEdges();
    details.appendChild(el('h3', 'Links (' + edges.length + ')'));
    var list = el('ul');
    edges.forEach(function (e) {
      var li = el('li', null, 'link');
      var out = e.source().id() === node.id();
      var other = out ? e.target() : e.source();
      li.appendChild(document.createTextNode(out ? e.data('label') + ' \u2192 ' : '\u2190 ' + e.data('label') + ' of '));
      li.appendChild(nodeLink(other));
      if (e.data('date')) li.appendChild(el('span', ' (' + e.data('date') + ')', 'muted'));
      evidenceList(e, li);
      list.appendChild(li);
    });
    details.appendChild(list);
  }
  function showEdge(e) {
    details.textContent = '';
    details.appendChild(el('h2', e.data('label')));
    var p = el('div');
    p.appendChild(nodeLink(e.source()));
    p.appendChild(document.createTextNode(' \u2014 ' + e.data('type') + ' \u2192 '));
    p.appendChild(nodeLink(e.target()));
    details.appendChild(p);
    var rows = [['weight', String(e.data('weight'))]];
    if (e.data('date')) rows.push(['date', e.data('date')]);
    if (e.data('role')) rows.push(['role', e.data('role')]);
    details.appendChild(table(rows));
    details.appendChild(el('h3', 'Evidence'));
    evidenceList(e, details);
  }
  cy.on('tap', 'node', function (evt) { showNode(evt.target); });
  cy.on('tap', 'edge', function (evt) { showEdge(evt.target); });

  /* Deep links: page.html#node=ID opens a node's details, #search=TEXT
   * runs a search (handy for sharing a view, and for the browser test). */
  function fromHash() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (h.indexOf('node=') === 0) {
      var node = cy.getElementById(h.slice(5));
      if (node.nonempty()) { cy.elements().unselect(); node.select(); showNode(node); }
    } else if (h.indexOf('search=') === 0) {
      search.value = h.slice(7);
      runSearch(true);
    }
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();

  /* Marker for tests and scripts: how many nodes have a drawable position. */
  var drawn = cy.nodes().filter(function (node) {
    var p = node.renderedPosition();
    return isFinite(p.x) && isFinite(p.y);
  }).length;
  body.setAttribute('data-rendered', String(drawn));
})();
