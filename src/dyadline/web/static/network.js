// The actor network: Cytoscape.js over the page's JSON block.  Node size follows PageRank;
// an edge is green where its dyad has more cooperation than conflict, red where more
// conflict, grey where even; its width follows the number of events.  Clicking an actor
// lists its dyads in the side panel (links to the dyad pages); clicking an edge opens the
// dyad.
(function () {
  "use strict";
  var block = document.getElementById("network-data");
  var box = document.getElementById("graph");
  var panel = document.getElementById("panel");
  if (!block || !box || typeof cytoscape === "undefined") { return; }
  var data = JSON.parse(block.textContent);

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== null && v !== undefined && v !== "" && v !== false) {
        parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(v));
      }
    });
    return parts.length ? "?" + parts.join("&") : "";
  }
  var period = { since: data.since, until: data.until, reports: data.reports ? "true" : null };
  function dyadUrl(a, b) {
    return "/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b) + query(period);
  }
  function colour(e) {
    return e.cooperation > e.conflict ? "#2e8b57" : e.conflict > e.cooperation ? "#b2182b" : "#888888";
  }
  var maxRank = Math.max.apply(null, data.nodes.map(function (n) { return n.pagerank; }).concat([1e-9]));
  var elements = data.nodes.map(function (n) {
    return { data: { id: n.actor, label: n.actor, size: 24 + 46 * n.pagerank / maxRank } };
  }).concat(data.edges.map(function (e) {
    return { data: { id: e.source + "->" + e.target, source: e.source, target: e.target,
                     events: e.events, cooperation: e.cooperation, conflict: e.conflict,
                     goldstein: e.goldstein, colour: colour(e),
                     width: 1.5 + 2.5 * Math.sqrt(e.events) } };
  }));
  var cy = cytoscape({
    container: box, elements: elements,
    style: [
      { selector: "node", style: { "label": "data(label)", "width": "data(size)", "height": "data(size)",
        "background-color": "#dfe7f2", "border-color": "#33415c", "border-width": 1.5,
        "text-valign": "center", "font-size": 11, "color": "#1b2540" } },
      { selector: "node:selected", style: { "background-color": "#ffd866", "border-width": 3 } },
      { selector: "edge", style: { "width": "data(width)", "line-color": "data(colour)",
        "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
        "curve-style": "bezier", "opacity": 0.85 } },
      { selector: "edge:selected", style: { "opacity": 1, "overlay-opacity": 0.15 } }
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000,
              idealEdgeLength: 90, padding: 24 }
  });

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function showActor(code) {
    var partners = {};
    data.edges.forEach(function (e) {
      if (e.source !== code && e.target !== code) { return; }
      var other = e.source === code ? e.target : e.source;
      var row = partners[other] || (partners[other] = { partner: other, out: 0, inn: 0, coop: 0, conflict: 0 });
      if (e.source === code) { row.out += e.events; } else { row.inn += e.events; }
      row.coop += e.cooperation; row.conflict += e.conflict;
    });
    var rows = Object.keys(partners).map(function (k) { return partners[k]; })
      .sort(function (x, y) { return (y.out + y.inn) - (x.out + x.inn) || (x.partner < y.partner ? -1 : 1); });
    panel.textContent = "";
    panel.appendChild(el("h2", {}, code));
    var more = el("p", {});
    more.appendChild(el("a", { href: "/actors/" + encodeURIComponent(code) + query(period), id: "actor-link" }, "All dyads of " + code));
    panel.appendChild(more);
    var list = el("ul", { id: "actor-dyads", "data-actor": code });
    rows.forEach(function (r) {
      var item = el("li", {});
      var link = el("a", { href: dyadUrl(code, r.partner), "data-partner": r.partner },
                    code + " ↔ " + r.partner);
      item.appendChild(link);
      item.appendChild(el("span", { "class": "muted" },
        " " + (r.out + r.inn) + " events (" + r.out + " out, " + r.inn + " in; " +
        r.coop + " coop., " + r.conflict + " conflict)"));
      list.appendChild(item);
    });
    panel.appendChild(list);
  }
  cy.on("tap", "node", function (evt) { showActor(evt.target.id()); });
  cy.on("tap", "edge", function (evt) {
    var d = evt.target.data();
    window.location.href = dyadUrl(d.source, d.target);
  });
  window.cy = cy;
  document.body.dataset.graphReady = "true";
})();
