#!/usr/bin/env bash
# test/netpol-live.test.ts makes a self-signed certificate with openssl for
# its local HTTPS stand-in of the Kubernetes API server.
set -euo pipefail
if ! command -v openssl >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq openssl; else sudo apt-get update -qq && sudo apt-get install -y -qq openssl; fi
fi
openssl version
