#!/usr/bin/env bash
# Runs a private MariaDB server in the foreground, for the AppHost and for test fixtures.
#   mariadb.sh DATA_DIR PORT PASSWORD [DATABASE USER_PASSWORD]...
# Creates DATA_DIR on first use; listens on 127.0.0.1:PORT only; makes sure the admin user
# 'chatapp' exists with PASSWORD (it sets up users, as the test fixtures do), and that each
# DATABASE has a user of the same name, with USER_PASSWORD, whose rights end at that database.
set -euo pipefail
data_dir=$1 port=$2 password=$3
shift 3

case $password in (*[!A-Za-z0-9_-]*) echo "mariadb.sh: the password may only hold letters, digits, _ and -" >&2; exit 2;; esac
if [ $(($# % 2)) -ne 0 ]; then echo "mariadb.sh: each database needs its user's password" >&2; exit 2; fi

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
GRANT ALL PRIVILEGES ON *.* TO 'chatapp'@'127.0.0.1' WITH GRANT OPTION;
SQL
while [ $# -gt 0 ]; do
  database=$1 user_password=$2
  shift 2
  case $database in (''|*[!a-z0-9_]*) echo "mariadb.sh: a database name may only hold a-z, 0-9 and _" >&2; exit 2;; esac
  case $user_password in (''|*[!A-Za-z0-9]*) echo "mariadb.sh: a user's password may only hold letters and digits" >&2; exit 2;; esac
  # In GRANT, _ in a database name matches any character: escaped, so the right covers this database and no look-alike.
  cat >>"$init_file" <<SQL
CREATE USER IF NOT EXISTS '$database'@'127.0.0.1' IDENTIFIED BY '$user_password';
ALTER USER '$database'@'127.0.0.1' IDENTIFIED BY '$user_password';
GRANT ALL PRIVILEGES ON \`${database//_/\\_}\`.* TO '$database'@'127.0.0.1';
SQL
done
chmod 600 "$init_file"

exec mariadbd --no-defaults "${as_user[@]}" \
  --datadir="$data_dir" --socket="$data_dir/mariadb.sock" --pid-file="$data_dir/mariadb.pid" \
  --bind-address=127.0.0.1 --port="$port" --skip-name-resolve \
  --init-file="$init_file" \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
  --default-time-zone=+00:00 \
  --max-connections=1000 --innodb-buffer-pool-size=256M
