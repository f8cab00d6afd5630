#!/usr/bin/env bash
# Runs tertial's whole test suite: `scripts/test.sh` (extra arguments go to Maven).
#
# Some tests check our output with real programs: LibreOffice must open and print our workbooks, pdftotext reads
# the PDF back, the web pages are driven in Debian's Chromium through its chromedriver, openpyxl (Debian's
# python3-openpyxl) fills templates as a region's script would, and the store tests run a second time on a real
# PostgreSQL server (Debian's postgresql, started by the tests in a temporary directory), and the OData feed's
# $metadata is checked by the OASIS OData TC's CSDL parser (npm odata-csdl, installed by npm ci below). When those are missing
# this script installs them from Debian's packages first (as root, or through sudo), so a fresh machine needs
# nothing installed by hand beyond Java 17 and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v soffice   >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
command -v chromium     >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm  >/dev/null 2>&1 || need+=(npm)

if ((${#need[@]})); then
  echo "scripts/test.sh: installing ${need[*]} (needed by the LibreOffice, browser, openpyxl and PostgreSQL tests)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# npm packages the tests run (the OASIS CSDL parser), at the versions package-lock.json pins.
if [ ! -d src/test/node/node_modules ] || [ src/test/node/package-lock.json -nt src/test/node/node_modules ]; then
  (cd src/test/node && npm ci --no-audit --no-fund --loglevel=error)
fi

exec mvn -B -ntp verify "$@"
