// The dyad chart: stacked bars of events by quad class per period, and the mean Goldstein
// value as a line on a second axis (-10..10).  Data come from the page's JSON block.
// Clicking a bar opens the events of that period.
(function () {
  "use strict";
  var block = document.getElementById("dyad-data");
  var canvas = document.getElementById("dyad-chart");
  if (!block || !canvas || typeof Chart === "undefined") { return; }
  var data = JSON.parse(block.textContent);
  var colours = ["#9e9e9e", "#8fd19e", "#2e8b57", "#f4a582", "#b2182b"];
  var labels = data.series.map(function (p) { return p.period; });
  var datasets = [0, 1, 2, 3, 4].map(function (q) {
    return {
      type: "bar", label: data.quad_names[q], backgroundColor: colours[q], stack: "events",
      yAxisID: "y", order: 2,
      data: data.series.map(function (p) { return p.quad_class[String(q)]; })
    };
  }).filter(function (d) { return d.data.some(function (n) { return n > 0; }); });
  datasets.push({
    type: "line", label: "mean Goldstein", yAxisID: "g", order: 1, borderColor: "#222",
    backgroundColor: "#222", pointRadius: 3, spanGaps: false, tension: 0,
    data: data.series.map(function (p) { return p.goldstein; })
  });
  var chart = new Chart(canvas, {
    data: { labels: labels, datasets: datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 },
             title: { display: true, text: data.unit === "reports" ? "reports" : "events (clusters)" } },
        g: { position: "right", min: -10, max: 10, grid: { drawOnChartArea: false },
             title: { display: true, text: "mean Goldstein" } }
      },
      onClick: function (evt, elements) {
        var hit = chart.getElementsAtEventForMode(evt, "index", { intersect: false }, false);
        if (hit.length && data.series[hit[0].index].events > 0) {
          window.location.href = data.links[hit[0].index];
        }
      }
    }
  });
  window.dyadChart = chart;
  document.body.dataset.chartReady = "true";
})();
