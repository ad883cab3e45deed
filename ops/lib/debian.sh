# Installing missing Debian packages; sourced by the ops scripts.

# install_packages PACKAGE...: apt-get install, refreshing the package lists once if needed.
install_packages() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "ops: missing packages ($*); run as root, or: sudo apt-get install -y $*" >&2
    exit 1
  fi
  echo "ops: installing $* (Debian packages)" >&2
  # A fresh machine has no package lists: refresh first, so apt never says "Unable to locate".
  if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' -e '^auxfiles$')" ]; then
    apt-get update >/dev/null || { echo "ops: apt-get update failed" >&2; exit 1; }
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >/dev/null; } \
    || { echo "ops: installing $* failed" >&2; exit 1; }
}

# require_report_tools: what donor reports and their tests need from Debian: fonts with
# Vietnamese (DejaVu) and Japanese (IPA P Gothic: TrueType outlines, so PDFs embed it as a
# searchable CID font) glyphs, poppler-utils (pdftotext, pdftoppm) to read PDFs back, and
# aiosmtpd, the loopback SMTP server the demo mailbox and the tests receive mail with.
require_report_tools() {
  local missing=()
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  [ -f /usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf ] || missing+=(fonts-ipafont-gothic)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
  [ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"
}

# require_browser: Debian's Chromium for the browser tests (Playwright drives it; nothing is
# downloaded at test time) and CJK fonts, so Japanese pages render as they do for people.
require_browser() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  [ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  [ ${#missing[@]} -eq 0 ] || install_packages --no-install-recommends "${missing[@]}"
}
