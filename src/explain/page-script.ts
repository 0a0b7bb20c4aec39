/**
 * The page's own script: the lab writes it, nothing read from a file becomes part of it. It reads the
 * recorded steps from the page's JSON data block and shows them; every name and label goes into the
 * page as text (`textContent`), never as markup.
 */
export const pageScript = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('lab-data').textContent);
  var column = 0, shown = 0, timer = null;
  var byId = function (id) { return document.getElementById(id); };
  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function colourOf(col, task) { var i = col.tasks.indexOf(task); return col.colours[i < 0 ? 0 : i]; }
  function box(col, task, note) {
    var node = make('span', 'box', task);
    node.style.background = colourOf(col, task);
    node.setAttribute('data-task', task);
    if (note) node.appendChild(make('small', 'note', note));
    return node;
  }
  function renderCode(col, step) {
    var code = byId('code');
    clear(code);
    col.sources.forEach(function (source) {
      var panel = make('div', 'task-code');
      var title = make('div', 'task-title', source.task);
      title.style.borderColor = colourOf(col, source.task);
      panel.appendChild(title);
      var pre = make('pre');
      source.lines.forEach(function (text, i) {
        var line = make('div', 'line', text);
        var hot = step && step.lines.some(function (l) { return l.task === source.task && l.line === i; });
        if (hot) { line.className = 'line running'; line.style.borderLeftColor = colourOf(col, step.task); }
        pre.appendChild(line);
      });
      panel.appendChild(pre);
      code.appendChild(panel);
    });
  }
  function renderTimeline(col) {
    var lanes = byId('timeline');
    clear(lanes);
    var span = Math.max(col.wallMs, 0.001);
    col.tasks.forEach(function (task) {
      var lane = make('div', 'lane');
      lane.appendChild(make('span', 'lane-name', task));
      var track = make('div', 'track');
      col.steps.slice(0, shown).forEach(function (s) {
        if (s.task !== task) return;
        var bar = make('span', 'bar');
        bar.style.left = (100 * s.at / span) + '%';
        bar.style.width = Math.max(0.6, 100 * (s.endAt - s.at) / span) + '%';
        bar.style.background = colourOf(col, task);
        bar.title = 'step ' + s.index + (s.printed ? ': ' + s.printed : '');
        track.appendChild(bar);
      });
      lane.appendChild(track);
      lanes.appendChild(lane);
    });
    var order = make('div', 'lane');
    order.appendChild(make('span', 'lane-name', 'steps'));
    var strip = make('div', 'strip');
    col.steps.slice(0, shown).forEach(function (s) {
      var cell = make('span', 'cell', String(col.tasks.indexOf(s.task) + 1));
      cell.style.background = colourOf(col, s.task);
      cell.title = 'step ' + s.index + ': ' + s.task;
      strip.appendChild(cell);
    });
    order.appendChild(strip);
    lanes.appendChild(order);
  }
  function render() {
    var col = data.columns[column];
    var step = shown > 0 ? col.steps[shown - 1] : null;
    byId('counter').textContent = 'step ' + shown + ' of ' + col.steps.length + (step ? ' at ' + step.at.toFixed(1) + ' ms' : '');
    var ready = byId('ready'), running = byId('running'), parked = byId('parked');
    clear(ready); clear(running); clear(parked);
    var queue = step ? step.ready : col.tasks;
    queue.forEach(function (t) { ready.appendChild(box(col, t)); });
    if (queue.length === 0) ready.appendChild(make('span', 'empty', 'empty'));
    if (step) running.appendChild(box(col, step.task, step.printed ? 'prints ' + step.printed : 'prints nothing new'));
    else running.appendChild(make('span', 'empty', 'nothing yet: press Step (or the right arrow)'));
    (step ? step.parked : []).forEach(function (p) { parked.appendChild(box(col, p.task, p.note)); });
    if (!step || step.parked.length === 0) parked.appendChild(make('span', 'empty', 'none'));
    byId('why').textContent = step ? step.why : 'All tasks were spawned into the ready queue.';
    byId('then').textContent = step ? step.then : '';
    var happened = byId('happened');
    clear(happened);
    (step ? step.happened : []).forEach(function (h) { happened.appendChild(make('li', '', h)); });
    var printed = byId('printed');
    clear(printed);
    col.steps.slice(0, shown).forEach(function (s) {
      if (s.printed) { var li = make('li', '', s.printed); li.style.borderLeftColor = colourOf(col, s.task); printed.appendChild(li); }
    });
    renderCode(col, step);
    renderTimeline(col);
    byId('back').disabled = shown === 0;
    byId('step').disabled = shown === col.steps.length;
    byId('play').textContent = timer === null ? 'Play' : 'Pause';
    document.body.setAttribute('data-shown', String(shown));
    document.body.setAttribute('data-done', String(shown === col.steps.length));
  }
  function stop() { if (timer !== null) { clearInterval(timer); timer = null; } }
  function forward() { if (shown < data.columns[column].steps.length) { shown++; render(); return true; } stop(); render(); return false; }
  function back() { stop(); if (shown > 0) shown--; render(); }
  function reset() { stop(); shown = 0; render(); }
  function play() {
    if (timer !== null) { stop(); render(); return; }
    if (shown === data.columns[column].steps.length) shown = 0;
    timer = setInterval(function () { if (!forward()) stop(); }, 700);
    render();
  }
  function choose(index) {
    stop();
    column = (index + data.columns.length) % data.columns.length;
    shown = 0;
    var radio = byId('policy-' + column);
    if (radio) radio.checked = true;
    render();
  }
  byId('step').addEventListener('click', function () { stop(); forward(); });
  byId('back').addEventListener('click', back);
  byId('play').addEventListener('click', play);
  byId('reset').addEventListener('click', reset);
  data.columns.forEach(function (_, i) { byId('policy-' + i).addEventListener('change', function () { choose(i); }); });
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var key = event.key;
    if (key === 'ArrowRight') { stop(); forward(); }
    else if (key === 'ArrowLeft') back();
    else if (key === 'ArrowUp') choose(column - 1);
    else if (key === 'ArrowDown') choose(column + 1);
    else if (key === 'Home') reset();
    else if (key === 'p') play();
    else return;
    event.preventDefault();
  });
  render();
})();
`;
