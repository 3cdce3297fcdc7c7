#!/usr/bin/env bash
# What the tests use besides Java: independent barcode decoders (zbarimg, dmtxread), pdftoppm for label PDFs, fonts
# for label text, and Debian's Chromium with its driver for the page tests. `mvn verify` runs this before the tests:
# on Debian as root it installs what is missing; otherwise it names the packages to install.
set -euo pipefail

need=()
command -v zbarimg >/dev/null || need+=(zbar-tools)
command -v dmtxread >/dev/null || need+=(dmtx-utils)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
[ -n "$(fc-list "DejaVu Sans" 2>/dev/null || true)" ] || need+=(fontconfig fonts-dejavu-core)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing test tools: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "The label and page tests need these Debian packages: ${need[*]}" >&2
  echo "Install them with: sudo apt-get install ${need[*]}" >&2
fi
