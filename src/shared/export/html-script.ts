/**
 * The tiny script that draws the exported report's charts: it reads the chart options (plain JSON,
 * in a <script type="application/json">) and mounts each on its container with the inlined
 * ECharts. Everything else in the report is HTML, so without JavaScript (or without ECharts) the
 * report still reads whole; each chart's content is in words below it.
 *
 * Charts are drawn a few at a time so the page shows and responds at once. On screen a dark
 * report draws the dark options; printing (and the PDF) draws the rest at once and redraws with
 * the light ones. When every chart is drawn, <html data-charts-ready="N"> says so (the PDF and
 * tests wait for it) and data-charts-ms says how long drawing took (the bench reads it).
 */
export const CHART_DATA_ID = 'slicewise-charts';

export const DRAW_SCRIPT = `(function () {
  var clock = window.performance ? function () { return performance.now(); } : function () { return Date.now(); };
  var started = clock();
  var root = document.documentElement;
  root.classList.remove('no-js');
  var holder = document.getElementById('${CHART_DATA_ID}');
  if (!holder || typeof window.echarts === 'undefined') { root.classList.add('charts-off'); root.setAttribute('data-charts-ready', '0'); return; }
  var data = JSON.parse(holder.textContent || '[]');
  var dark = root.getAttribute('data-theme') === 'dark';
  var printMedia = window.matchMedia ? window.matchMedia('print') : null;
  var boxes = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
  var drawn = [];
  var next = 0;
  function optionFor(d, print) { return dark && !print && d.d ? d.d : d.l; }
  function drawOne(box) {
    var d = data[Number(box.getAttribute('data-chart'))];
    if (!d) return;
    var chart = window.echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption(optionFor(d, printMedia ? printMedia.matches : false), { notMerge: true });
    drawn.push({ chart: chart, data: d });
  }
  function finish() {
    if (root.hasAttribute('data-charts-ready')) return;
    root.setAttribute('data-charts-ms', String(Math.round(clock() - started)));
    root.setAttribute('data-charts-ready', String(drawn.length));
  }
  // A few milliseconds of drawing per task: the text is readable and the page responds while the
  // charts appear one by one (a report can hold dozens).
  function step() {
    var until = clock() + 12;
    while (next < boxes.length && clock() < until) drawOne(boxes[next++]);
    if (next < boxes.length) setTimeout(step, 0); else finish();
  }
  function drawAll() { while (next < boxes.length) drawOne(boxes[next++]); finish(); }
  function redraw(print) {
    for (var j = 0; j < drawn.length; j++) { drawn[j].chart.setOption(optionFor(drawn[j].data, print), { notMerge: true }); drawn[j].chart.resize(); }
  }
  window.addEventListener('beforeprint', function () { drawAll(); redraw(true); });
  window.addEventListener('afterprint', function () { redraw(false); });
  window.addEventListener('resize', function () { for (var j = 0; j < drawn.length; j++) drawn[j].chart.resize(); });
  root.classList.add('charts-on');
  step();
})();`;
