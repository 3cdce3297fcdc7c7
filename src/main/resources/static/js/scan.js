// Scan station: keyboard-wedge scans (code + Enter or Tab), each with a client scan id kept until the server answers.
// Scans wait in localStorage, one queue per signed-in user, and are sent in order; a scan leaves its queue only on a
// definite answer about it (accepted, or refused for a reason of the scan itself). Anything else (no network, an
// expired session or a stale CSRF token, a server in trouble) keeps it for later. The server applies a scan id once, so
// a scan sent twice (answer lost on the way back) is not applied twice.
(function () {
  'use strict';
  const form = document.getElementById('scan-form');
  const code = document.getElementById('code');
  const action = document.getElementById('action');
  const outcome = document.getElementById('outcome');
  const history = document.getElementById('history');
  const queueState = document.getElementById('queue-state');
  let csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  let csrfToken = document.querySelector('meta[name="_csrf"]').content;
  const location = form.dataset.location;
  const user = form.dataset.user;
  // The page's words, from the message bundle (see scan.html).
  const texts = document.getElementById('scan-texts').dataset;
  const QUEUE = 'spareflow.scanQueue.' + user;
  const HISTORY = 'spareflow.scanHistory.' + user;
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
      button.textContent = text('nextScan', next);
      button.addEventListener('click', () => { action.value = next; showExtras(); code.focus(); });
      nextBox.appendChild(button);
    }
  }

  function remember(request, result, text) {
    const entries = load(HISTORY);
    entries.unshift({ at: new Date().toLocaleTimeString(document.documentElement.lang), action: request.action, code: request.code, result, text });
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

  // A text of the bundle with its {0}, {1}… filled in.
  function text(key, ...values) {
    return values.reduce((words, value, i) => words.split('{' + i + '}').join(String(value)), texts[key]);
  }

  function renderQueue() {
    const waiting = load(QUEUE).length;
    queueState.textContent = waiting ? text('waiting', waiting) : '';
  }

  function answer(request, status, body) {
    if (status < 400) {
      const next = NEXT_ACTION[body.to];
      const warn = body.result === 'QUARANTINED' || body.flaggedForSupervisor;
      if (body.result === 'BOUND') {
        // A return label moved no board: its answer (the case bound, the board expected) is the whole message.
        show('ok', body.next, '', null);
      } else {
        const title = body.result === 'QUARANTINED' ? text('quarantined', body.serial)
          : text('confirmed', body.action, body.serial);
        show(warn ? 'warn' : 'ok', title, body.next, next && next !== action.value ? next : null);
      }
      beep(!warn);
      remember(request, body.result, body.next);
    } else {
      show('bad', text('refused', body.serial || request.code), body.detail || body.title, null);
      beep(false);
      remember(request, 'REFUSED', body.detail || body.title);
    }
  }

  // Whether an answer settles its scan: accepted, or refused by the scan service for a reason of the scan itself (a
  // problem; a 403 only when it names this scan). The door's answers (sign-in, CSRF: 401, 403 without the scan id, a
  // login page), a server in trouble (5xx, 408, 429) and anything else leave the scan queued.
  function settles(request, status, type, body) {
    if (status >= 200 && status < 300) return type.includes('json');
    if (!type.includes('problem+json') || [401, 408, 429].includes(status) || status >= 500) return false;
    return status !== 403 || body.clientScanId === request.clientScanId;
  }

  // Asks the server who is signed in on this page's session: the same user gets a fresh CSRF token ('same'), another
  // user is told whose scans these are ('other'), no session at all means signing in again ('signedOut').
  async function refreshSession() {
    try {
      const response = await fetch(form.dataset.session, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
      const type = response.headers.get('Content-Type') || '';
      if (!response.ok || !type.includes('json')) return 'signedOut';
      const session = await response.json();
      if (!session.username) return 'signedOut';
      if (session.username !== user) return 'other';
      csrfHeader = session.csrfHeader;
      csrfToken = session.csrfToken;
      return 'same';
    } catch (offline) {
      return 'offline';
    }
  }

  function showSignedOut() {
    show('bad', texts.signedOutTitle, text('signedOutDetail', load(QUEUE).length), null);
    const link = document.createElement('a');
    link.id = 'sign-in-again';
    link.className = 'button';
    link.href = form.dataset.station;
    link.textContent = texts.signIn;
    document.getElementById('outcome-next').appendChild(link);
  }

  async function send(request) {
    return fetch(form.dataset.submit, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', [csrfHeader]: csrfToken },
      body: JSON.stringify(request)
    });
  }

  // Sends the oldest waiting scan first; stops at the first answer that does not settle it and keeps the rest.
  let sending = false;
  async function flush() {
    if (sending) return;
    sending = true;
    try {
      let waiting = load(QUEUE);
      let tokenRefreshed = false;
      while (waiting.length) {
        const request = waiting[0];
        let response;
        try {
          response = await send(request);
        } catch (offline) {
          show('queued', texts.offlineTitle, text('offlineDetail', request.code), null);
          break;
        }
        const type = response.headers.get('Content-Type') || '';
        const body = type.includes('json') ? await response.json().catch(() => ({})) : {};
        if (!settles(request, response.status, type, body)) {
          const doorAnswer = response.status === 401 || response.status === 403 || !type.includes('json');
          if (!doorAnswer) {
            show('queued', texts.serverTroubleTitle, text('serverTroubleDetail', response.status), null);
            break;
          }
          const session = tokenRefreshed ? 'signedOut' : await refreshSession();
          if (session === 'same') {
            tokenRefreshed = true;
            continue;
          }
          if (session === 'other') {
            show('bad', texts.otherUserTitle, text('otherUserDetail', user), null);
          } else if (session === 'offline') {
            show('queued', texts.offlineTitle, text('offlineDetail', request.code), null);
          } else {
            showSignedOut();
          }
          break;
        }
        answer(request, response.status, body);
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
    show('idle', texts.readingPhoto, file.name, null);
    try {
      const response = await fetch(form.dataset.decode, {
        method: 'POST', credentials: 'same-origin', headers: { [csrfHeader]: csrfToken, 'Accept': 'application/json' },
        body: data
      });
      const body = await response.json();
      if (!response.ok) {
        show('bad', texts.noCodeOnPhoto, body.detail, null);
        beep(false);
      } else {
        code.value = body.serial;
        if (body.partNumber) code.dataset.partNumber = body.partNumber;
        show('idle', body.partNumber ? text('photoReadPart', body.serial, body.partNumber) : text('photoRead', body.serial),
          texts.photoReadDetail, null);
      }
    } catch (offline) {
      show('bad', texts.photoOfflineTitle, texts.photoOfflineDetail, null);
    }
    event.target.value = '';
    code.focus();
  });

  // Signing out leaves the scans on this device until this user signs in here again: say so before.
  document.querySelectorAll('form[action$="/logout"]').forEach(signOut => signOut.addEventListener('submit', event => {
    const waiting = load(QUEUE).length;
    if (waiting && !window.confirm(text('signOutWarning', waiting))) event.preventDefault();
  }));

  window.addEventListener('online', flush);
  setInterval(flush, 15000);
  showExtras();
  renderHistory();
  renderQueue();
  flush();
  code.focus();
})();
