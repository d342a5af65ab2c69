// Draws every <canvas data-progress-chart="…"> (the transparency page) as horizontal bars, one per
// section or committee, stacked by indicator status. The table beside each chart holds the same
// numbers, so without this script nothing is lost but the drawing.
(function () {
  'use strict';
  if (typeof window.Chart !== 'function') return;
  var frenchNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
  // The site's colours for the statuses (static/css/site.css), lighter for « no comparison ».
  var COLOURS = {
    improved: '#0f6b35',
    unchanged: '#6b7380',
    worsened: '#a4161a',
    changed: '#6d28d9',
    'no-baseline': '#b7c0cc',
    'no-data': '#dfe4ea'
  };

  /** Long section and committee names, cut into lines of about `width` characters. */
  function wrap(text, width) {
    var lines = [];
    var line = '';
    text.split(' ').forEach(function (word) {
      if (line && (line + ' ' + word).length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    });
    if (line) lines.push(line);
    return lines;
  }

  function draw(canvas) {
    var data = JSON.parse(canvas.getAttribute('data-progress-chart'));
    // On a phone, shorter lines, so that the names are not cut at the edge of the canvas.
    var narrow = canvas.parentNode.clientWidth < 480;
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels.map(function (label) {
          return wrap(label, narrow ? 16 : 34);
        }),
        datasets: data.series.map(function (series) {
          return {
            label: series.label,
            data: series.values,
            backgroundColor: COLOURS[series.status] || '#4a5260',
            borderColor: '#ffffff',
            borderWidth: 1
          };
        })
      },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Nombre d’indicateurs' } },
          // Every bar keeps its name: Chart.js would otherwise skip names that do not fit.
          y: { stacked: true, ticks: { autoSkip: false, font: { size: narrow ? 11 : 12 } } }
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              title: function (items) {
                return items.length ? data.labels[items[0].dataIndex] : '';
              },
              label: function (ctx) {
                return ctx.dataset.label + ' : ' + frenchNumber.format(ctx.parsed.x);
              }
            }
          }
        }
      }
    });
    canvas.setAttribute('data-chart-drawn', 'true');
  }

  var canvases = document.querySelectorAll('canvas[data-progress-chart]');
  for (var i = 0; i < canvases.length; i++) draw(canvases[i]);
})();
