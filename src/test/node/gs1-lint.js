// An independent GS1 validator for the label tests: BWIPP's GS1 linter (npm bwip-js) checks each element string
// given on standard input, one a line in bracketed form "(01)…(21)…", and prints "OK" or "INVALID <reason>" for each.
// Refuses, as GS1 does, a missing requisite AI (e.g. (21) or (240) without (01)), a bad check digit, a value too long
// or with characters outside GS1's set.
const bwipjs = require('bwip-js');

const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((line) => line.length > 0);
(async () => {
  for (const text of lines) {
    try {
      await bwipjs.toBuffer({ bcid: 'gs1datamatrix', text });
      console.log('OK');
    } catch (e) {
      console.log('INVALID ' + String(e.message || e).replace(/\s+/g, ' '));
    }
  }
})();
