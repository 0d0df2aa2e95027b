#!/usr/bin/env bash
# End-to-end tests drive Debian's Chromium through playwright-core (Playwright's own browser
# download cannot work here). Installs it with apt-get when missing; prints the binary path.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
if [ "$(id -u)" != "0" ]; then SUDO=sudo; else SUDO=; fi
echo "installing Debian chromium for the end-to-end tests..." >&2
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >&2
echo /usr/bin/chromium
