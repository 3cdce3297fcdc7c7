#!/usr/bin/env bash
# What the tests use besides Java: independent barcode decoders (zbarimg, dmtxread), pdftoppm for label PDFs, fonts
# for label text (Latin and Chinese), Debian's Chromium with its driver for the page tests, and Node.js with two npm
# packages: bwip-js (BWIPP's GS1 linter, an independent GS1 validator) and zpl-renderer-js (a Zebra ZPL renderer) in
# target/node-tools. `mvn verify` runs this before the tests: on Debian as root it installs what is missing;
# otherwise it names the packages to install.
set -euo pipefail

need=()
command -v zbarimg >/dev/null || need+=(zbar-tools)
command -v dmtxread >/dev/null || need+=(dmtx-utils)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
[ -n "$(fc-list "DejaVu Sans" 2>/dev/null || true)" ] || need+=(fontconfig fonts-dejavu-core)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
[ -n "$(fc-list :lang=zh 2>/dev/null || true)" ] || need+=(fonts-wqy-microhei)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
# scripts/backup-restore-check.sh: the API from the shell
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing test tools: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "The label and page tests need these Debian packages: ${need[*]}" >&2
    echo "Install them with: sudo apt-get install ${need[*]}" >&2
  fi
fi

# npm packages of the label tests, pinned, in a project-local folder (LabelTools finds them there).
node_tools="$(cd "$(dirname "$0")/.." && pwd)/target/node-tools"
npm_packages=(bwip-js@4.11.4 zpl-renderer-js@3.4.0)
installed() {
  local name="${1%@*}" version="${1##*@}"
  grep -q "\"version\": \"$version\"" "$node_tools/node_modules/$name/package.json" 2>/dev/null
}
missing=()
for package in "${npm_packages[@]}"; do
  installed "$package" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v npm >/dev/null; then
    echo "Installing npm test tools into $node_tools: ${npm_packages[*]}"
    mkdir -p "$node_tools"
    npm install --prefix "$node_tools" --no-audit --no-fund --loglevel=error "${npm_packages[@]}" >/dev/null
  else
    echo "The label tests need Node.js with npm, to install ${missing[*]} into $node_tools" >&2
  fi
fi
