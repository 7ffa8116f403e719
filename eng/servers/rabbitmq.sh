#!/usr/bin/env bash
# Runs a private RabbitMQ node in the foreground, for the AppHost and for test fixtures.
#   rabbitmq.sh DATA_DIR AMQP_PORT DIST_PORT EPMD_PORT
# An epmd must already listen on 127.0.0.1:EPMD_PORT (the caller runs and stops it), so
# that nothing is left running behind the caller's back.
set -euo pipefail
data_dir=$1 amqp_port=$2 dist_port=$3 epmd_port=$4

mkdir -p "$data_dir/home" "$data_dir/mnesia" "$data_dir/log"
echo '[].' >"$data_dir/enabled_plugins"

export HOME=$data_dir/home
export RABBITMQ_NODENAME=chatapp@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$amqp_port
export RABBITMQ_DIST_PORT=$dist_port
export ERL_EPMD_PORT=$epmd_port
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_MNESIA_BASE=$data_dir/mnesia
export RABBITMQ_LOG_BASE=$data_dir/log
export RABBITMQ_LOGS=-
# Keep the Erlang distribution port on loopback too.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_ENABLED_PLUGINS_FILE=$data_dir/enabled_plugins
export RABBITMQ_CONFIG_FILE=$data_dir/rabbitmq
printf 'loopback_users = none\n' >"$data_dir/rabbitmq.conf"

exec /usr/lib/rabbitmq/bin/rabbitmq-server
