// Draws every <canvas data-chart="…"> with Chart.js. The page already holds the same numbers in a
// table, so without this script nothing is lost but the drawing.
(function () {
  'use strict';
  if (typeof window.Chart !== 'function') return;
  var frenchNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

  function constantLine(years, value) {
    return years.map(function () {
      return value;
    });
  }

  function draw(canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var unit = data.percent ? ' %' : '';
    var datasets = [
      {
        label: data.labels.value,
        data: data.values,
        borderColor: '#0b4f8a',
        backgroundColor: '#0b4f8a',
        borderWidth: 3,
        pointRadius: 4,
        spanGaps: false
      }
    ];
    if (data.baseline !== null) {
      datasets.push({
        label: data.labels.baseline,
        data: constantLine(data.years, data.baseline),
        borderColor: '#4a5260',
        borderWidth: 1.5,
        borderDash: [2, 3],
        pointRadius: 0
      });
    }
    if (data.target !== null) {
      datasets.push({
        label: data.labels.target,
        data: constantLine(data.years, data.target),
        borderColor: '#0f6b35',
        borderWidth: 1.5,
        borderDash: [10, 4],
        pointRadius: 0
      });
    }
    if (
      data.projection.some(function (v) {
        return v !== null;
      })
    ) {
      datasets.push({
        label: data.labels.projection,
        data: data.projection,
        borderColor: '#c2410c',
        borderWidth: 2,
        borderDash: [6, 6],
        pointRadius: 3,
        pointStyle: 'triangle',
        spanGaps: true
      });
    }
    var yScale = {
      beginAtZero: true,
      ticks: {
        callback: function (v) {
          return frenchNumber.format(v) + unit;
        }
      }
    };
    if (data.percent) yScale.max = 100;
    // Counts of States and recorded figures are whole numbers: no « 0,5 » tick.
    else yScale.ticks.precision = 0;
    new window.Chart(canvas, {
      type: 'line',
      data: { labels: data.years.map(String), datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: yScale },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                return ctx.parsed.y === null
                  ? ctx.dataset.label + ' : pas de valeur'
                  : ctx.dataset.label + ' : ' + frenchNumber.format(ctx.parsed.y) + unit;
              }
            }
          }
        }
      }
    });
    canvas.setAttribute('data-chart-drawn', 'true');
  }

  var canvases = document.querySelectorAll('canvas[data-chart]');
  for (var i = 0; i < canvases.length; i++) draw(canvases[i]);
})();
