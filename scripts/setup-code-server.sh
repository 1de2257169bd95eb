#!/usr/bin/env bash
# Installs code-server (VS Code for the browser) into a cache folder of its own, so that
# the extension's tests can run in a real VS Code workbench on machines where desktop
# VS Code cannot be downloaded. Not a dependency of the extension.
# Prints the path of the code-server executable on its last line of stdout.
# Idempotent: returns at once when the pinned version is already installed.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3" # the newest that runs on Node 20
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
cache_root="${CLAIMLENS_CACHE:-$repo_root/.cache}"
install_dir="$cache_root/code-server-$CODE_SERVER_VERSION"
executable="$install_dir/node_modules/.bin/code-server"
marker="$install_dir/.installed"

if [[ -f "$marker" && -x "$executable" ]]; then
  echo "$executable"
  exit 0
fi

log() { echo "[setup-code-server] $*" >&2; }

# What the install needs from the system (see docs: .ci/run installs these).
missing=()
command -v rg >/dev/null || missing+=("ripgrep")
[[ -f /usr/include/krb5.h || -f /usr/include/gssapi/gssapi.h ]] || missing+=("libkrb5-dev")
command -v node >/dev/null || missing+=("nodejs")
if ((${#missing[@]})); then
  log "missing system packages: ${missing[*]} (apt-get install --no-install-recommends ${missing[*]})"
  exit 1
fi

# @vscode/ripgrep downloads ripgrep from GitHub in postinstall unless it finds this
# cached archive: a gzipped tar with Debian's rg at its root serves.
tmp_dir="$(node -p 'require("os").tmpdir()')"
rg_cache_dir="$tmp_dir/vscode-ripgrep-cache-1.15.11"
rg_archive="$rg_cache_dir/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -s "$rg_archive" ]]; then
  mkdir -p "$rg_cache_dir"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -czf "$rg_archive.partial" -C "$staging" rg
  mv "$rg_archive.partial" "$rg_archive"
  rm -rf "$staging"
fi

log "installing code-server@$CODE_SERVER_VERSION into $install_dir (about a minute, once)"
started=$SECONDS
rm -rf "$install_dir"
mkdir -p "$install_dir"
printf '{ "name": "claimlens-code-server-cache", "private": true }\n' > "$install_dir/package.json"

# unsafe_perm: its postinstall refuses to run as root otherwise.
# yes: node-pty's postinstall runs `npx node-gyp`, which a `yes=false` npm config blocks.
# nodedir: build native modules against the local Node headers, no header download.
(
  cd "$install_dir"
  npm_config_unsafe_perm=true \
  npm_config_yes=true \
  npm_config_nodedir="${npm_config_nodedir:-/usr}" \
  npm_config_update_notifier=false \
  npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
)

if [[ ! -x "$executable" ]]; then
  log "install finished but $executable is missing"
  exit 1
fi
# --config: without one, code-server writes ~/.config/code-server/config.yaml.
printf 'auth: none\n' > "$install_dir/config.yaml"
"$executable" --config "$install_dir/config.yaml" --version >&2
touch "$marker"
log "installed in $((SECONDS - started)) s"
echo "$executable"
