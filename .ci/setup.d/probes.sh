#!/usr/bin/env bash
# Live-probe tests (test/probe-siem.test.ts) run a real rsyslogd receiving
# syslog over TLS (RFC 5425: imtcp + the OpenSSL stream driver), and make
# their certificates with the openssl CLI.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends rsyslog rsyslog-openssl openssl
test -x /usr/sbin/rsyslogd
# The test starts its own rsyslogd with a config and certificates in a temp
# dir. Where an AppArmor profile confines rsyslogd to /etc/rsyslog* and
# /var/log (Ubuntu ships one), unload it on this throw-away CI machine.
if [ -e /etc/apparmor.d/usr.sbin.rsyslogd ] && command -v apparmor_parser >/dev/null 2>&1; then
  $SUDO apparmor_parser -R /etc/apparmor.d/usr.sbin.rsyslogd 2>/dev/null || true
fi
