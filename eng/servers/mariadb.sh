#!/usr/bin/env bash
# Runs a private MariaDB server in the foreground, for the AppHost and for test fixtures.
#   mariadb.sh DATA_DIR PORT PASSWORD
# Creates DATA_DIR on first use; listens on 127.0.0.1:PORT only; makes sure the user
# 'chatapp' exists with PASSWORD and may create the services' databases.
set -euo pipefail
data_dir=$1 port=$2 password=$3

case $password in (*[!A-Za-z0-9_-]*) echo "mariadb.sh: the password may only hold letters, digits, _ and -" >&2; exit 2;; esac

as_user=()
[ "$(id -u)" = 0 ] && as_user=(--user=root)   # mariadbd refuses root unless told

mkdir -p "$data_dir"
if [ ! -d "$data_dir/mysql" ]; then
  mariadb-install-db --no-defaults "${as_user[@]}" --datadir="$data_dir" --skip-test-db \
    --auth-root-authentication-method=socket >"$data_dir/install.log" 2>&1
fi

# The init file runs at every start, so a changed password takes effect on restart.
init_file=$data_dir/init.sql
cat >"$init_file" <<SQL
CREATE USER IF NOT EXISTS 'chatapp'@'127.0.0.1' IDENTIFIED BY '$password';
ALTER USER 'chatapp'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'chatapp'@'127.0.0.1';
SQL
chmod 600 "$init_file"

exec mariadbd --no-defaults "${as_user[@]}" \
  --datadir="$data_dir" --socket="$data_dir/mariadb.sock" --pid-file="$data_dir/mariadb.pid" \
  --bind-address=127.0.0.1 --port="$port" --skip-name-resolve \
  --init-file="$init_file" \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
  --default-time-zone=+00:00 \
  --max-connections=1000 --innodb-buffer-pool-size=256M
