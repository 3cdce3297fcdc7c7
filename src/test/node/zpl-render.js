// Renders a ZPL label the way a Zebra printer at 203 dpi would (npm zpl-renderer-js, Zebrash in WebAssembly), so the
// label tests can decode the printed barcodes. Usage: node zpl-render.js LABEL.zpl WIDTH_MM HEIGHT_MM OUT.png
const fs = require('fs');

(async () => {
  const [zplFile, widthMm, heightMm, outFile] = process.argv.slice(2);
  const { api } = await require('zpl-renderer-js').ready;
  const png = await api.zplToBase64Async(fs.readFileSync(zplFile, 'utf8'), Number(widthMm), Number(heightMm), 8);
  fs.writeFileSync(outFile, Buffer.from(png, 'base64'));
})().catch((e) => {
  console.error(String(e && e.stack || e));
  process.exit(1);
});
