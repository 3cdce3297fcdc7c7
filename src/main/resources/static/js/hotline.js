// Report form: the site list follows the customer, and the faulty serial is looked up as it is typed.
(function () {
  'use strict';
  const customer = document.getElementById('customerCode');
  const site = document.getElementById('siteId');
  const serial = document.getElementById('faultySerial');
  const info = document.getElementById('serial-info');

  customer.addEventListener('change', () => {
    site.value = '';
    for (const option of site.options) {
      if (option.dataset.customer) option.hidden = option.dataset.customer !== customer.value;
    }
  });

  // The words come from the message bundle, as data attributes of the serial field (see hotline.html).
  const say = (key, ...values) => values.reduce((words, value, i) => words.split('{' + i + '}').join(String(value)),
    serial.dataset[key]);
  // A board's status by its name in the page's language (hotline.html lists them), the code for one it does not list.
  const statusName = code => {
    const named = document.querySelector('#board-status-names [data-status="' + code + '"]');
    return named ? named.textContent : code;
  };
  let timer;
  serial.addEventListener('input', () => {
    clearTimeout(timer);
    const value = serial.value.trim();
    if (value.length < 4) { info.textContent = ''; return; }
    timer = setTimeout(async () => {
      const response = await fetch(serial.dataset.lookup + encodeURIComponent(value), { credentials: 'same-origin' });
      if (response.status === 404) {
        info.textContent = say('noBoard', value);
      } else if (response.ok) {
        const board = await response.json();
        info.textContent = board.siteId ? say('boardAtSite', board.serial, board.partNumber, statusName(board.status), board.siteId)
          : board.locationCode ? say('boardAtLocation', board.serial, board.partNumber, statusName(board.status), board.locationCode)
          : say('board', board.serial, board.partNumber, statusName(board.status));
        if (board.siteId && !site.value) {
          const option = [...site.options].find(o => o.value === String(board.siteId));
          if (option) { customer.value = option.dataset.customer; customer.dispatchEvent(new Event('change')); site.value = option.value; }
        }
      }
    }, 250);
  });
})();
