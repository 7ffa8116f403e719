#!/usr/bin/env bash
# Runs a private TURN/STUN server (coturn) in the foreground, for the AppHost and for test fixtures.
#   turn.sh DATA_DIR PORT SECRET [MIN_RELAY_PORT MAX_RELAY_PORT]
# Listens on 127.0.0.1:PORT only, UDP and TCP, without TLS or DTLS, and relays from 127.0.0.1 on a
# port between MIN_RELAY_PORT and MAX_RELAY_PORT (49152-65535 unless given). Credentials are TURN
# REST ones (use-auth-secret): username "EXPIRY:USER", password Base64(HMAC-SHA1(SECRET, username)).
# Loopback peers are allowed, so that calls and tests on this machine can relay to each other.
# It logs to stdout (each allocation and each refusal, not STUN binding requests); its pid file
# and its (unused) user database stay in DATA_DIR; no root needed.
set -euo pipefail
data_dir=$1 port=$2 secret=$3 min_relay_port=${4:-49152} max_relay_port=${5:-65535}

case $secret in (''|*[!A-Za-z0-9_-]*) echo "turn.sh: the secret may only hold letters, digits, _ and -" >&2; exit 2;; esac
for number in "$port" "$min_relay_port" "$max_relay_port"; do
  case $number in (''|*[!0-9]*) echo "turn.sh: ports are numbers" >&2; exit 2;; esac
done
if [ "$min_relay_port" -lt 1024 ] || [ "$max_relay_port" -lt "$min_relay_port" ] || [ "$max_relay_port" -gt 65535 ]; then
  echo "turn.sh: the relay ports must be a range within 1024-65535" >&2
  exit 2
fi

mkdir -p "$data_dir"
# The secret goes in a file only this user can read, not on the command line where ps shows it.
# Given with -c, this file is the whole configuration: /etc/turnserver.conf is not read.
config=$data_dir/turnserver.conf
umask 077
cat >"$config" <<CONF
listening-ip=127.0.0.1
relay-ip=127.0.0.1
listening-port=$port
min-port=$min_relay_port
max-port=$max_relay_port
realm=chatapp
use-auth-secret
static-auth-secret=$secret
fingerprint
no-tls
no-dtls
no-cli
no-rfc5780
no-software-attribute
no-multicast-peers
allow-loopback-peers
log-file=stdout
simple-log
verbose
pidfile=$data_dir/turnserver.pid
userdb=$data_dir/turndb
CONF
exec turnserver -c "$config"
