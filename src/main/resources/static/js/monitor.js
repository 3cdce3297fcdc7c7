// Monitoring center, live: polls the snapshot (GET data-live) and redraws the tiles, the open cases by state and tier,
// breaches, alerts (with a banner), stock against target and charge-flagged returns. No reload, no framework.
(function () {
  'use strict';
  const root = document.getElementById('monitor');
  if (!root) return;
  const text = {};
  document.querySelectorAll('#monitor-text [data-key]').forEach(el => { text[el.dataset.key] = el.textContent; });
  const pollMs = Math.max(1000, parseInt(root.dataset.pollMs, 10) || 10000);

  const el = (tag, content, cls) => {
    const e = document.createElement(tag);
    if (content !== undefined && content !== null) e.textContent = content;
    if (cls) e.className = cls;
    return e;
  };
  const named = (kind, code) => text[kind + '.' + code] || code;
  const when = iso => iso ? new Date(iso).toLocaleString() : '';
  const pct = v => v === null || v === undefined ? '–' : v.toFixed(1) + ' %';
  const caseLink = number => {
    const a = el('a', number);
    a.href = '/cases/' + encodeURIComponent(number);
    return a;
  };
  const row = (cells, cls) => {
    const tr = el('tr', null, cls);
    cells.forEach(c => { const td = el('td'); if (c instanceof Node) td.appendChild(c); else td.textContent = c; tr.appendChild(td); });
    return tr;
  };
  const fill = (tableId, rows, empty, columns) => {
    const body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren(...(rows.length ? rows : [(() => { const tr = row([]); const td = el('td', empty, 'muted'); td.colSpan = columns; tr.appendChild(td); return tr; })()]));
  };
  const tile = (id, label, value, ratio) => {
    const t = el('div', null, 'tile');
    t.id = 'tile-' + id;
    t.append(el('div', label, 'tile-label'), el('div', value, 'tile-value'));
    if (ratio) t.append(el('div', ratio.numerator + ' ' + text.of + ' ' + ratio.denominator, 'small muted'));
    return t;
  };

  function render(s) {
    document.getElementById('open-count').textContent = s.openCases;
    document.getElementById('updated-at').textContent = text.updated + ' ' + when(s.at);
    const t = s.tiles;
    document.getElementById('tiles').replaceChildren(
      tile('sla', text.sla, pct(t.slaCompliance.percent), t.slaCompliance),
      tile('sigma', text.sigma, t.sigmaLevel === null ? '–' : t.sigmaLevel.toFixed(2)),
      tile('fill', text.fill, pct(t.fillRate.percent), t.fillRate),
      tile('nff', text.nff, pct(t.nffRate.percent), t.nffRate),
      tile('satisfied', text.satisfied, pct(t.satisfied.percent), t.satisfied));

    const tiers = [...new Set(s.openByStateAndTier.map(c => c.tier))].sort();
    const states = [...new Set(s.openByStateAndTier.map(c => c.state))];
    const head = document.querySelector('#by-state thead tr');
    head.replaceChildren(head.firstElementChild, ...tiers.map(t => el('th', t)));
    fill('by-state', states.map(state => row([named('state', state), ...tiers.map(tier => {
      const cell = s.openByStateAndTier.find(c => c.state === state && c.tier === tier);
      return cell ? String(cell.cases) : '';
    })])), text.none, tiers.length + 1);

    fill('breaches', s.breachesNow.map(b => row([caseLink(b.caseNumber), named('step', b.step), when(b.limitAt), when(b.detectedAt),
      b.owner || text.nobody, b.tier], 'bad')), text.noBreach, 6);

    fill('alerts', s.alerts.map(a => row([text[a.dimension] + ' ' + a.series, String(a.observed), a.baseline.toFixed(1),
      String(a.upperLimit), when(a.since)], 'bad')), text.none, 5);
    const banner = document.getElementById('alert-banner');
    banner.hidden = s.alerts.length === 0;
    banner.textContent = s.alerts.length === 0 ? '' : text.banner + ' ' +
      s.alerts.map(a => text[a.dimension] + ' ' + a.series + ' (' + a.observed + ' > ' + a.upperLimit + ')').join(', ');

    fill('stock-target', s.stock.map(l => row([l.depot + ' ' + (text['city.' + l.depot] || l.city), named('part', l.partNumber), String(l.available), String(l.target),
      String(l.deficit)], l.deficit > 0 ? 'bad' : '')), text.none, 5);
    fill('charge-flagged', s.chargeFlagged.map(c => row([caseLink(c.caseNumber), c.customerCode, c.faultySerial, named('state', c.state),
      when(c.reportedAt)])), text.none, 5);
    fill('stalled', s.stalled.map(x => row([caseLink(x.caseNumber), x.stepName, x.expected, x.actual, when(x.foundAt)], 'bad')),
      text.none, 5);
    root.dataset.updates = String((parseInt(root.dataset.updates, 10) || 0) + 1);
  }

  async function poll() {
    try {
      const response = await fetch(root.dataset.live, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) throw new Error(response.status);
      render(await response.json());
    } catch (e) {
      document.getElementById('updated-at').textContent = text.offline;
    } finally {
      setTimeout(poll, pollMs);
    }
  }
  poll();
})();
