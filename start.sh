#!/usr/bin/env bash
# Starts the whole of ChatApp: installs what is missing on first run, then runs the Aspire
# AppHost, which starts MariaDB, RabbitMQ, the development SMTP inbox, the services and the
# gateway. Stop with Ctrl+C. Data stays in .data/ (delete that folder to start afresh).
set -euo pipefail
cd "$(dirname "$0")"

eng/install.sh run

gateway_port=${ChatApp__GatewayPort:-5080}
cat <<TXT

  ChatApp            http://localhost:${gateway_port}
  Aspire dashboard   http://localhost:15080   (the login link with its token is printed below)
  Email inbox        linked from the dashboard (resource "smtp4dev")

TXT
exec dotnet run --project src/AppHost --launch-profile http
