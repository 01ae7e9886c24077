# Sourced by .ci/run when it does not run as root (a developer's machine): apt-get cannot install
# there, so `apt-get` becomes a function that uses passwordless sudo when there is one, and
# otherwise skips `update` and turns `install` into a check that names every missing package.
apt-get() {
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo --preserve-env=DEBIAN_FRONTEND apt-get "$@"
    return
  fi
  [ "${1:-}" = install ] || return 0
  local package missing=()
  for package in "${@:2}"; do
    case "$package" in -*) continue ;; esac
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q ' installed$' || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo ".ci/run: not root and no passwordless sudo, and these Debian packages are missing: ${missing[*]}" >&2
  echo "  install them once as root (apt-get install -y ${missing[*]}), then run .ci/run again" >&2
  return 1
}
