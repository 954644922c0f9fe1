// Draws the dataset page's charts with the vendored chart.js from data-chart attributes (no inline scripts).
(function () {
  if (typeof Chart === "undefined") { return; }
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    if (!spec.labels || spec.labels.length === 0) { return; }
    new Chart(canvas, {
      type: canvas.getAttribute("data-kind") || "bar",
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s) { return { label: s.label, data: s.data }; })
      },
      options: { animation: false, responsive: true, plugins: { legend: { display: spec.series.length > 1 || canvas.getAttribute("data-kind") === "doughnut" } } }
    });
  });
})();
