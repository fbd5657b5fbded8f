/* Draw the screening's time series with Chart.js. Each canvas names the JSON script that
   holds its data; the same figures are in a table under the chart. Missing years are gaps. */
(function () {
  "use strict";

  if (!window.Chart) {
    return;
  }
  var dashes = [[], [6, 4], [2, 3], [10, 4, 2, 4]];
  var locale = document.documentElement.lang || "da";
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source) {
      return;
    }
    var data = JSON.parse(source.textContent);
    data.datasets.forEach(function (dataset, index) {
      dataset.borderDash = dashes[index % dashes.length];
      dataset.borderWidth = index === 0 ? 3 : 2;
      dataset.spanGaps = false;
    });
    new window.Chart(canvas, {
      type: "line",
      data: data,
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
