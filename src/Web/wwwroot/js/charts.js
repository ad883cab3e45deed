// Cooperation's charts: every <canvas data-chart="ID"> is drawn with Chart.js from the JSON in
// <script type="application/json" id="ID"> (ChartData on the server). No inline script runs; the
// page's table beside each chart holds the same numbers (its text alternative).
(function () {
  'use strict';

  // The series' colours, by key; lines also differ by dash and width, so colour is never the only cue.
  var colours = {
    'actual': '#0b6e4f',
    'trajectory': '#4a5560',
    'target': '#a4161a',
    'on-track': '#1b7f3b',
    'at-risk': '#9a5b00',
    'off-track': '#a4161a',
    'not-judged': '#6b7680'
  };

  function lineDataset(series) {
    var colour = colours[series.key] || '#1b1f24';
    var actual = series.key === 'actual';
    return {
      label: series.label,
      data: series.values,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: actual ? 2.5 : 1.5,
      borderDash: actual ? [] : series.key === 'target' ? [2, 3] : [6, 4],
      pointRadius: actual ? 3 : 0,
      pointHoverRadius: actual ? 5 : 0,
      spanGaps: true,
      tension: 0
    };
  }

  function barDataset(series) {
    return { label: series.label, data: series.values, backgroundColor: colours[series.key] || '#1b1f24', borderWidth: 0 };
  }

  function options(data, number, stacked) {
    // Counts (stacked bars) have whole-number ticks; measured values as many decimals as they need.
    var value = { ticks: { precision: stacked ? 0 : undefined, callback: function (v) { return number.format(v); } } };
    if (data.unit) {
      value.title = { display: true, text: data.unit };
    }
    var scales = stacked
      ? { x: Object.assign({ stacked: true, beginAtZero: true }, value), y: { stacked: true } }
      : { x: { ticks: { autoSkip: true, maxRotation: 0 } }, y: value };
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: stacked ? 'y' : 'x',
      interaction: { mode: 'index', intersect: false },
      scales: scales,
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: function (context) {
              var raw = stacked ? context.parsed.x : context.parsed.y;
              return raw === null || raw === undefined ? null : context.dataset.label + ': ' + number.format(raw) + (data.unit ? ' ' + data.unit : '');
            }
          }
        }
      }
    };
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute('data-chart'));
    if (!source || typeof Chart === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var existing = Chart.getChart(canvas);
    if (existing) {
      existing.destroy();
    }
    var number = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 2 });
    var stacked = data.kind === 'kpi-status';
    if (stacked && canvas.parentElement) {
      // A bar per pilot: the box grows with the pilots, so labels stay readable on a phone.
      canvas.parentElement.style.height = Math.max(12, 2.2 * data.labels.length + 6) + 'rem';
    }
    new Chart(canvas, {
      type: stacked ? 'bar' : 'line',
      data: { labels: data.labels, datasets: data.series.map(stacked ? barDataset : lineDataset) },
      options: options(data, number, stacked)
    });
  }

  window.CooperationCharts = {
    drawAll: function (root) {
      Array.prototype.forEach.call(root.querySelectorAll('canvas[data-chart]'), draw);
    }
  };
  window.CooperationCharts.drawAll(document);
})();
