// Portal fault report: the board list follows the chosen site, and a photo of a label is read by the service
// (the scan station's decoder) into the serial field.
(function () {
  'use strict';
  const site = document.getElementById('siteId');
  const board = document.getElementById('board');
  const serial = document.getElementById('serial');
  const photo = document.getElementById('photo');
  const info = document.getElementById('photo-info');
  const texts = document.getElementById('texts').dataset;

  // Options are removed rather than hidden: phones' native pickers (iOS) show hidden options.
  const boardOptions = [...board.options].filter(option => option.dataset.site);
  function showBoardsOfSite() {
    const chosen = board.value;
    boardOptions.forEach(option => option.remove());
    boardOptions.filter(option => site.value === '' || option.dataset.site === site.value)
      .forEach(option => board.add(option));
    board.value = boardOptions.some(o => o.value === chosen && o.parentNode) ? chosen : '';
  }
  site.addEventListener('change', showBoardsOfSite);
  showBoardsOfSite();

  photo.addEventListener('change', async () => {
    const file = photo.files[0];
    if (!file) return;
    const data = new FormData();
    data.append('photo', file);
    info.textContent = texts.reading;
    const csrf = document.querySelector('meta[name="_csrf"]').content;
    const header = document.querySelector('meta[name="_csrf_header"]').content;
    const response = await fetch(photo.dataset.decode, { method: 'POST', body: data, credentials: 'same-origin',
      headers: { [header]: csrf } });
    const body = await response.json();
    if (response.ok) {
      serial.value = body.serial;
      board.value = '';
      info.textContent = texts.read + ' ' + body.serial;
    } else {
      info.textContent = body.detail;
    }
  });
})();
