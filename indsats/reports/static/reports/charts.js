/* Draw each report table's chart with Chart.js. Each canvas names the JSON script that
   holds its data; the same figures are in the table under the chart. */
(function () {
  "use strict";

  if (!window.Chart) {
    return;
  }
  var locale = document.documentElement.lang || "da";
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source) {
      return;
    }
    var chart = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: chart.type,
      data: { labels: chart.labels, datasets: chart.datasets },
      options: {
        maintainAspectRatio: false,
        animation: false,
        locale: locale,
        scales: { y: { beginAtZero: true } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  });
})();
