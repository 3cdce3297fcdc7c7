// KPI page: fetches the period's KPIs (/kpis/data, same figures as /api/kpis) and the TL 9000 rates, draws each chart
// with Apache ECharts (vendored) and writes the table of the same numbers under it.
(function () {
  'use strict';
  const root = document.getElementById('kpis');
  if (!root) return;
  const text = {};
  document.querySelectorAll('#kpi-text [data-key]').forEach(el => { text[el.dataset.key] = el.textContent; });
  const form = new FormData(document.getElementById('filters'));
  const params = new URLSearchParams();
  for (const [k, v] of form.entries()) if (v) params.set(k, v);
  const num = (v, digits) => v === null || v === undefined ? '–' : Number(v).toFixed(digits === undefined ? 1 : digits);

  function table(id, headers, rows) {
    const t = document.getElementById('table-' + id);
    const head = document.createElement('tr');
    headers.forEach(h => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
    t.tHead.replaceChildren(head);
    t.tBodies[0].replaceChildren(...rows.map(r => {
      const tr = document.createElement('tr');
      r.forEach(c => { const td = document.createElement('td'); td.textContent = c; tr.appendChild(td); });
      return tr;
    }));
  }

  function chart(id, option) {
    const c = echarts.init(document.getElementById('chart-' + id));
    c.setOption(Object.assign({ tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 50, right: 20, bottom: 40 } }, option));
    window.addEventListener('resize', () => c.resize());
  }

  function tile(label, ratio, value) {
    const t = document.createElement('div');
    t.className = 'tile';
    const l = document.createElement('div'); l.className = 'tile-label'; l.textContent = label;
    const v = document.createElement('div'); v.className = 'tile-value'; v.textContent = value;
    t.append(l, v);
    if (ratio) { const s = document.createElement('div'); s.className = 'small muted'; s.textContent = ratio.numerator + ' ' + text.of + ' ' + ratio.denominator; t.append(s); }
    return t;
  }

  function draw(k, returns) {
    const months = k.monthly.map(m => m.month);
    const steps = k.slaCompliance.map(s => s.step);
    const stepName = step => text['step.' + step] || step;
    const met = k.slaCompliance.reduce((a, s) => a + s.met, 0);
    const decided = k.dpmo.opportunities;
    document.getElementById('tiles').replaceChildren(
      tile(text.slaAll, { numerator: met, denominator: decided }, decided ? num(100 * met / decided) + ' %' : '–'),
      tile(text.sigma, { numerator: k.dpmo.defects, denominator: k.dpmo.opportunities }, num(k.sigmaLevel, 2)),
      tile(text.fillAll, k.fillRate, num(k.fillRate.percent) + ' %'),
      tile(text.nffAll, k.nffRate, num(k.nffRate.percent) + ' %'),
      tile(text.firstOwner, k.firstOwnerClosure, num(k.firstOwnerClosure.percent) + ' %'),
      tile(text.satisfiedAll, k.satisfaction.satisfied, num(k.satisfaction.satisfied.percent) + ' %'));

    chart('sla', { xAxis: { type: 'category', data: months }, yAxis: { type: 'value', max: 100 },
      series: steps.map(step => ({ name: stepName(step), type: 'line', data: k.monthly.map(m => m.slaCompliance.find(s => s.step === step).percent) })) });
    table('sla', [text.month, ...steps.map(stepName).flatMap(s => [s + ' ' + text.met, s + ' ' + text.breached, s + ' ' + text.percent])],
      k.monthly.map(m => [m.month, ...m.slaCompliance.flatMap(s => [s.met, s.breached, num(s.percent)])]));

    chart('sigma', { xAxis: { type: 'category', data: months }, yAxis: { type: 'value' },
      series: [{ name: text.sigma, type: 'line', data: k.monthly.map(m => m.sigmaLevel) }] });
    table('sigma', [text.month, text.breached, text.met + ' + ' + text.breached, text.dpmo, text.sigma],
      k.monthly.map(m => [m.month, m.dpmo.defects, m.dpmo.opportunities, num(m.dpmo.value, 0), num(m.sigmaLevel, 2)]));

    chart('fill', { xAxis: { type: 'category', data: months }, yAxis: { type: 'value', max: 100 },
      series: [{ name: text.fill, type: 'bar', data: k.monthly.map(m => m.fillRate.percent) }] });
    table('fill', [text.month, text.fill, text.requests, text.percent],
      k.monthly.map(m => [m.month, m.fillRate.numerator, m.fillRate.denominator, num(m.fillRate.percent)]));

    const buckets = k.spareOnSite.histogram.map(b => b.toHours === null ? '≥ ' + b.fromHours + ' h' : b.fromHours + '–' + b.toHours + ' h');
    chart('turnaround', { xAxis: { type: 'category', data: buckets }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: text.spareOnSite, type: 'bar', data: k.spareOnSite.histogram.map(b => b.count) },
               { name: text.repairTurnaround, type: 'bar', data: k.repairTurnaround.histogram.map(b => b.count) }] });
    table('turnaround', [text.hours, text.spareOnSite, text.repairTurnaround],
      buckets.map((b, i) => [b, k.spareOnSite.histogram[i].count, k.repairTurnaround.histogram[i].count]));

    chart('nff', { xAxis: { type: 'category', data: months }, yAxis: { type: 'value' },
      series: [{ name: text.nff, type: 'bar', data: k.monthly.map(m => m.nffRate.percent) }] });
    table('nff', [text.month, text.nff, text.finished, text.percent],
      k.monthly.map(m => [m.month, m.nffRate.numerator, m.nffRate.denominator, num(m.nffRate.percent)]));

    chart('satisfaction', { xAxis: { type: 'category', data: months }, yAxis: [{ type: 'value', max: 100 }, { type: 'value', minInterval: 1 }],
      series: [{ name: text.satisfied, type: 'line', data: k.monthly.map(m => m.satisfaction.satisfied.percent) },
               { name: text.responses, type: 'bar', yAxisIndex: 1, data: k.monthly.map(m => m.satisfaction.responses) }] });
    table('satisfaction', [text.month, text.responses, text.satisfied, text.percent],
      k.monthly.map(m => [m.month, m.satisfaction.responses, m.satisfaction.satisfied.numerator, num(m.satisfaction.satisfied.percent)]));

    const lines = returns.map(r => r.productLine);
    chart('tl9000', { xAxis: { type: 'category', data: lines }, yAxis: { type: 'value' },
      series: ['eri', 'yrr', 'ltr'].map(g => ({ name: g.toUpperCase(), type: 'bar', data: returns.map(r => r[g].rate) })) });
    table('tl9000', [text.productLine, ...['ERI', 'YRR', 'LTR'].flatMap(g => [g + ' ' + text.returns, g + ' ' + text.population, g + ' %'])],
      returns.map(r => [r.productLine, ...['eri', 'yrr', 'ltr'].flatMap(g => [r[g].returns, r[g].population, num(r[g].rate, 2)])]));

    table('comments', [text.case, text.score, text.comment], k.satisfaction.comments.map(c => [c.caseNumber, c.score, c.comment]));
    root.dataset.rendered = 'true';
  }

  const json = url => fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); });
  const month = params.get('month');
  Promise.all([json(root.dataset.data + '?' + params), json(root.dataset.fieldReturns + (month ? '?month=' + encodeURIComponent(month) : ''))])
    .then(([k, returns]) => draw(k, returns))
    .catch(e => { root.dataset.rendered = 'failed'; root.insertAdjacentText('afterbegin', String(e)); });
})();
