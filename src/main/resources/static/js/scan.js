// Scan station: keyboard-wedge scans (code + Enter or Tab), each with a client scan id kept until the server answers.
// Scans made while the network is down wait in localStorage and are sent, in order, when it is back; the server
// applies a scan id once, so a scan sent twice (answer lost on the way back) is not applied twice.
(function () {
  'use strict';
  const form = document.getElementById('scan-form');
  const code = document.getElementById('code');
  const action = document.getElementById('action');
  const outcome = document.getElementById('outcome');
  const history = document.getElementById('history');
  const queueState = document.getElementById('queue-state');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  const csrfToken = document.querySelector('meta[name="_csrf"]').content;
  const location = form.dataset.location;
  const QUEUE = 'spareflow.scanQueue';
  const HISTORY = 'spareflow.scanHistory';
  // The action a board usually needs next, after a scan left it in this status (the words come from the server).
  const NEXT_ACTION = {
    RECEIVED: 'PUTAWAY', PICKED: 'PACK', PACKED: 'SHIP', DEFECTIVE_RECEIVED: 'REPAIR_INTAKE',
    IN_REPAIR: 'REPAIR_RESULT', REPAIRED: 'PACK', NFF: 'PACK'
  };

  function device() {
    let id = localStorage.getItem('spareflow.device');
    if (!id) {
      id = 'web-' + Math.random().toString(36).slice(2, 10);
      localStorage.setItem('spareflow.device', id);
    }
    return id;
  }

  function nextScanId() {
    const counter = Number(localStorage.getItem('spareflow.scanCounter') || '0') + 1;
    localStorage.setItem('spareflow.scanCounter', String(counter));
    return device() + '-' + Date.now() + '-' + counter;
  }

  const load = key => JSON.parse(localStorage.getItem(key) || '[]');
  const save = (key, value) => localStorage.setItem(key, JSON.stringify(value));

  function beep(ok) {
    try {
      const audio = new (window.AudioContext || window.webkitAudioContext)();
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.type = ok ? 'sine' : 'square';
      tone.frequency.value = ok ? 1320 : 220;
      gain.gain.value = 0.15;
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + (ok ? 0.12 : 0.45));
    } catch (e) { /* no audio device: the colour still tells */ }
  }

  function show(kind, title, detail, next) {
    outcome.className = 'outcome ' + kind;
    document.getElementById('outcome-title').textContent = title;
    document.getElementById('outcome-detail').textContent = detail || '';
    const nextBox = document.getElementById('outcome-next');
    nextBox.textContent = '';
    if (next) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Next scan: ' + next;
      button.addEventListener('click', () => { action.value = next; showExtras(); code.focus(); });
      nextBox.appendChild(button);
    }
  }

  function remember(request, result, text) {
    const entries = load(HISTORY);
    entries.unshift({ at: new Date().toLocaleTimeString(), action: request.action, code: request.code, result, text });
    save(HISTORY, entries.slice(0, 20));
    renderHistory();
  }

  function renderHistory() {
    history.textContent = '';
    for (const entry of load(HISTORY)) {
      const row = history.insertRow();
      row.className = entry.result === 'REFUSED' ? 'bad' : entry.result === 'QUEUED' ? 'queued' : 'ok';
      for (const value of [entry.at, entry.action, entry.code, entry.result, entry.text]) {
        row.insertCell().textContent = value;
      }
    }
  }

  function renderQueue() {
    const waiting = load(QUEUE).length;
    queueState.textContent = waiting ? waiting + ' scan(s) waiting for the network; they are sent when it is back.' : '';
  }

  function answer(request, status, body) {
    if (status < 400) {
      const next = NEXT_ACTION[body.to];
      const warn = body.result === 'QUARANTINED' || body.flaggedForSupervisor;
      if (body.result === 'BOUND') {
        // A return label moved no board: its answer (the case bound, the board expected) is the whole message.
        show('ok', body.next, '', null);
      } else {
        const title = body.result === 'QUARANTINED' ? 'Found: ' + body.serial + ' in quarantine'
          : body.action + ' ' + body.serial + ' confirmed';
        show(warn ? 'warn' : 'ok', title, body.next, next && next !== action.value ? next : null);
      }
      beep(!warn);
      remember(request, body.result, body.next);
    } else {
      show('bad', 'Refused: ' + (body.serial || request.code), body.detail || body.title, null);
      beep(false);
      remember(request, 'REFUSED', body.detail || body.title);
    }
  }

  // Sends the oldest waiting scan first; stops at the first network failure and keeps the rest for later.
  let sending = false;
  async function flush() {
    if (sending) return;
    sending = true;
    try {
      let waiting = load(QUEUE);
      while (waiting.length) {
        const request = waiting[0];
        let response;
        try {
          response = await fetch(form.dataset.submit, {
            method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', [csrfHeader]: csrfToken },
            body: JSON.stringify(request)
          });
        } catch (offline) {
          show('queued', 'Offline: scan kept', request.code + ' is sent when the network is back.', null);
          break;
        }
        const type = response.headers.get('Content-Type') || '';
        if (!type.includes('json')) {
          show('bad', 'Signed out', 'Sign in again (in another tab) — the waiting scans are kept and sent then.', null);
          break;
        }
        answer(request, response.status, await response.json());
        waiting = load(QUEUE).filter(queued => queued.clientScanId !== request.clientScanId);
        save(QUEUE, waiting);
      }
    } finally {
      sending = false;
      renderQueue();
    }
  }

  function submit() {
    const raw = code.value.trim();
    if (!raw) return;
    const request = {
      code: raw, action: action.value, location, clientScanId: nextScanId(), device: device(),
      caseNumber: value('caseNumber')
    };
    if (action.value === 'SHIP') request.trackingNumber = value('trackingNumber');
    if (action.value === 'REPAIR_RESULT') request.result = value('result');
    if (action.value === 'DELIVER') request.siteId = value('siteId') ? Number(value('siteId')) : null;
    if (code.dataset.partNumber) request.partNumber = code.dataset.partNumber;
    delete code.dataset.partNumber;
    const waiting = load(QUEUE);
    waiting.push(request);
    save(QUEUE, waiting);
    code.value = '';
    flush();
  }

  function value(id) {
    const text = document.getElementById(id).value.trim();
    return text === '' ? null : text;
  }

  function showExtras() {
    document.querySelectorAll('.extras [data-for]').forEach(label => {
      label.hidden = label.dataset.for !== action.value;
    });
  }

  code.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      submit();
    }
  });
  // The scan field keeps the focus: a wedge scanner types wherever the focus is.
  document.addEventListener('click', event => {
    if (!event.target.closest('input, select, button, label, a')) code.focus();
  });
  action.addEventListener('change', () => { showExtras(); code.focus(); });

  document.getElementById('photo').addEventListener('change', async event => {
    const file = event.target.files[0];
    if (!file) return;
    const data = new FormData();
    data.append('photo', file);
    show('idle', 'Reading the photo…', file.name, null);
    try {
      const response = await fetch(form.dataset.decode, {
        method: 'POST', credentials: 'same-origin', headers: { [csrfHeader]: csrfToken, 'Accept': 'application/json' },
        body: data
      });
      const body = await response.json();
      if (!response.ok) {
        show('bad', 'No board code on the photo', body.detail, null);
        beep(false);
      } else {
        code.value = body.serial;
        if (body.partNumber) code.dataset.partNumber = body.partNumber;
        show('idle', 'Read ' + body.serial + (body.partNumber ? ' (part ' + body.partNumber + ')' : ''),
          'Check the action, then press Enter to scan.', null);
      }
    } catch (offline) {
      show('bad', 'Offline', 'Photos are read by the server: try again when the network is back.', null);
    }
    event.target.value = '';
    code.focus();
  });

  window.addEventListener('online', flush);
  setInterval(flush, 15000);
  showExtras();
  renderHistory();
  renderQueue();
  flush();
  code.focus();
})();
