#!/usr/bin/env bash
# Makes sure Debian's chromium is installed (the browser tests drive /usr/bin/chromium), with a
# CJK font (fonts-wqy-microhei) so the zh-Hans screenshots show Chinese glyphs rather than boxes.
set -euo pipefail
CHROMIUM="${TRACELENS_CHROMIUM:-/usr/bin/chromium}"
CJK_FONT_PACKAGE=fonts-wqy-microhei
missing=()
if [ ! -x "$CHROMIUM" ]; then
  missing+=(chromium)
fi
if ! dpkg-query -W -f='${Status}' "$CJK_FONT_PACKAGE" 2>/dev/null | grep -q 'install ok installed'; then
  missing+=("$CJK_FONT_PACKAGE")
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "${missing[*]} missing; installing Debian's packages (apt-get install -y ${missing[*]})…" >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2
elif [ ! -x "$CHROMIUM" ]; then
  echo "chromium not found at $CHROMIUM. Install it as root with 'apt-get update && apt-get install -y chromium $CJK_FONT_PACKAGE', or set TRACELENS_CHROMIUM to a Chromium binary." >&2
  exit 1
else
  # the browser runs; only the zh-Hans screenshots lack Chinese glyphs
  echo "warning: $CJK_FONT_PACKAGE is not installed (zh-Hans screenshots will show boxes). Install it as root with 'apt-get install -y $CJK_FONT_PACKAGE'." >&2
fi
