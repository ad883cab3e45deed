# Installing missing Debian packages; sourced by the ops scripts.

# install_packages PACKAGE...: apt-get install, refreshing the package lists once if needed.
install_packages() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "ops: missing packages ($*); run as root, or: sudo apt-get install -y $*" >&2
    exit 1
  fi
  echo "ops: installing $* (Debian packages)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >/dev/null \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >/dev/null; } \
    || { echo "ops: installing $* failed" >&2; exit 1; }
}
