#!/usr/bin/env bash
# Installs what ChatApp needs and is missing; quick when everything is there.
#   eng/install.sh run    servers the AppHost starts (MariaDB, RabbitMQ, Redis, coturn) and the .NET tools (smtp4dev)
#   eng/install.sh test   the same, plus what only the tests need
set -euo pipefail
purpose=${1:-run}
repo_root=$(cd "$(dirname "$0")/.." && pwd)

say() { printf '[install] %s\n' "$*" >&2; }

# command → Debian package that provides it
declare -A needed=(
  [mariadbd]=mariadb-server
  [mariadb-install-db]=mariadb-server
  [mariadb]=mariadb-client
  [/usr/lib/rabbitmq/bin/rabbitmq-server]=rabbitmq-server
  [epmd]=erlang-base
  [redis-server]=redis-server
  # The TURN server of voice calls; turnutils_uclient, in the same package, is what the tests allocate with.
  [turnserver]=coturn
  [turnutils_uclient]=coturn
)

if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
  say "The .NET 10 SDK is required: https://dotnet.microsoft.com/download/dotnet/10.0 (or your distribution's dotnet-sdk-10.0 package)."
  exit 1
fi

missing=()
for command in "${!needed[@]}"; do
  if ! command -v "$command" >/dev/null 2>&1 && [ ! -x "$command" ]; then
    missing+=("${needed[$command]}")
  fi
done
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d')

sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo)

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "Please install these with your system's package manager, then run again: ${missing[*]}"
    say "(on Fedora: mariadb-server rabbitmq-server erlang redis coturn; on macOS with Homebrew: mariadb rabbitmq redis coturn)"
    exit 1
  fi
  say "Installing ${missing[*]} (Debian packages)"
  # ChatApp runs its own MariaDB, RabbitMQ, Redis and coturn on private ports; keep the packages' system
  # services from starting during the install, unless a policy is already in place.
  policy=/usr/sbin/policy-rc.d
  own_policy=false
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod +x "$policy"
    own_policy=true
  fi
  trap '[ "$own_policy" = true ] && "${sudo[@]}" rm -f "$policy"' EXIT
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node.js builds the web app (src/Web) during the .NET build; Vite needs 20.19 or newer.
node_ok() { command -v node >/dev/null 2>&1 && node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'; }
if ! node_ok || ! command -v npm >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    say "Installing Node.js and npm (Debian packages)"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  if ! node_ok; then
    say "The web app needs Node.js 20.19 or newer (found: $(node --version 2>/dev/null || echo none)); install it from https://nodejs.org or your distribution, then run again."
    exit 1
  fi
fi

# The browser tests drive Debian's Chromium (Playwright downloads no browser here), with fonts
# for every script the app shows (Turkish letters, emoji).
if [ "$purpose" = test ] && [ ! -x /usr/bin/chromium ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "The browser tests need Chromium at /usr/bin/chromium; please install it, then run again."
    exit 1
  fi
  say "Installing Chromium for the browser tests (Debian packages)"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-noto-core fonts-noto-color-emoji >/dev/null
fi

# .NET tools pinned in dotnet-tools.json (the development SMTP inbox).
if [ -f "$repo_root/dotnet-tools.json" ]; then
  (cd "$repo_root" && dotnet tool restore >/dev/null)
fi

case $purpose in
  run|test) ;;
  *) say "unknown purpose '$purpose' (run or test)"; exit 2 ;;
esac
