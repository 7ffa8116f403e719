#!/usr/bin/env bash
# Runs a private Redis in the foreground, for the AppHost and for test fixtures.
#   redis.sh DATA_DIR PORT PASSWORD
# Listens on 127.0.0.1:PORT only. Redis holds presence and carries pushes between replicas:
# nothing in it needs to survive a restart, so it keeps nothing on disk.
set -euo pipefail
data_dir=$1 port=$2 password=$3

case $password in (*[!A-Za-z0-9_-]*) echo "redis.sh: the password may only hold letters, digits, _ and -" >&2; exit 2;; esac

mkdir -p "$data_dir"
# The password goes in a file only this user can read, not on the command line where ps shows it.
config=$data_dir/redis.conf
umask 077
cat >"$config" <<CONF
bind 127.0.0.1
port $port
protected-mode yes
requirepass $password
save ""
appendonly no
dir $data_dir
daemonize no
logfile ""
CONF
exec redis-server "$config"
