/**
 * The tiny script that draws the exported report's charts: it reads the chart options (plain JSON,
 * in a <script type="application/json">) and mounts each on its container with the inlined
 * ECharts. Everything else in the report is HTML, so without JavaScript (or without ECharts) the
 * report still reads whole; each chart's content is in words below it.
 *
 * Opening must be quick even when a report holds dozens of charts (each costs tens of
 * milliseconds to lay out and paint, the first one a few hundred while the engine warms up). So:
 *
 * - the charts on the first screen are drawn at once; then <html data-first-screen-ready="N">
 *   says the screen a person sees is complete, and data-first-screen-ms when (milliseconds since
 *   the page started loading);
 * - the rest are drawn one by one when the browser is idle, so that scrolling and input are never
 *   held up, the one nearest the viewport first (so scrolling meets drawn charts);
 * - when every chart is drawn, <html data-charts-ready="N"> says so and data-charts-ms when
 *   (again since the page started loading). The PDF paths and the tests wait for it.
 *
 * A print-media page (the PDF via Playwright) or a hidden page (nobody sees it, and a hidden
 * window's tasks may be throttled: the app prints its PDF from one) draws every chart at once.
 * `beforeprint` draws any still missing at once too (Chromium's own --print-to-pdf, printing
 * from the browser), then redraws with the light options; `afterprint` goes back. On screen a
 * dark report draws the dark options.
 */
export const CHART_DATA_ID = 'slicewise-charts';

export const DRAW_SCRIPT = `(function () {
  function now() { return performance.now(); }
  var root = document.documentElement;
  root.classList.remove('no-js');
  function mark(name, count) {
    if (root.hasAttribute('data-' + name)) return;
    root.setAttribute('data-' + name.replace('-ready', '-ms'), String(Math.round(now())));
    root.setAttribute('data-' + name, String(count));
  }
  var holder = document.getElementById('${CHART_DATA_ID}');
  if (!holder || typeof window.echarts === 'undefined') {
    root.classList.add('charts-off');
    mark('first-screen-ready', 0);
    mark('charts-ready', 0);
    return;
  }
  var data = JSON.parse(holder.textContent || '[]');
  var dark = root.getAttribute('data-theme') === 'dark';
  var printMedia = window.matchMedia ? window.matchMedia('print') : null;
  var pending = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
  var drawn = [];
  function printing() { return printMedia ? printMedia.matches : false; }
  function optionFor(d, print) { return dark && !print && d.d ? d.d : d.l; }
  function drawOne(box) {
    var d = data[Number(box.getAttribute('data-chart'))];
    if (!d) return;
    var chart = window.echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption(optionFor(d, printing()), { notMerge: true });
    drawn.push({ chart: chart, data: d });
  }
  function finish() { if (pending.length === 0) mark('charts-ready', drawn.length); }
  // How far a box is from the viewport (0: at least partly in it).
  function distance(box, height) {
    var r = box.getBoundingClientRect();
    return r.bottom <= 0 ? 1 - r.bottom : r.top >= height ? 1 + r.top - height : 0;
  }
  function takeNearest() {
    var height = window.innerHeight || root.clientHeight;
    var best = 0, bestD = Infinity;
    for (var i = 0; i < pending.length && bestD > 0; i++) {
      var d = distance(pending[i], height);
      if (d < bestD) { bestD = d; best = i; }
    }
    return pending.splice(best, 1)[0];
  }
  function drawAll() {
    while (pending.length) drawOne(pending.shift());
    mark('first-screen-ready', drawn.length);
    finish();
  }
  // When the browser is idle (input and frames come first); after 200 ms without idle time, anyway.
  var later = window.requestIdleCallback
    ? function (fn) { window.requestIdleCallback(fn, { timeout: 200 }); }
    : function (fn) { setTimeout(fn, 0); };
  // One chart per turn at least (a chart takes 20-50 ms), more while the idle period lasts.
  function background(deadline) {
    if (printing() || document.visibilityState === 'hidden') { drawAll(); return; }
    do drawOne(takeNearest());
    while (pending.length && deadline && !deadline.didTimeout && deadline.timeRemaining() > 20);
    if (pending.length) later(background); else finish();
  }
  function redraw(print) {
    for (var j = 0; j < drawn.length; j++) { drawn[j].chart.setOption(optionFor(drawn[j].data, print), { notMerge: true }); drawn[j].chart.resize(); }
  }
  window.addEventListener('beforeprint', function () { drawAll(); redraw(true); });
  window.addEventListener('afterprint', function () { redraw(false); });
  window.addEventListener('resize', function () { for (var j = 0; j < drawn.length; j++) drawn[j].chart.resize(); });
  root.classList.add('charts-on');
  if (printing() || document.visibilityState === 'hidden') { drawAll(); return; }
  // The first screen: every chart in the viewport, now.
  var height = window.innerHeight || root.clientHeight;
  pending = pending.filter(function (box) {
    if (distance(box, height) > 0) return true;
    drawOne(box);
    return false;
  });
  mark('first-screen-ready', drawn.length);
  if (pending.length) later(background); else finish();
})();`;
