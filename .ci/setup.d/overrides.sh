#!/usr/bin/env bash
# test/overrides*.test.ts, test/sshsig.test.ts, test/allowed-signers.test.ts
# and bench/overrides.ts make real signatures with ssh-keygen -Y sign
# (OpenSSH >= 8.9 for -U and -O hashalg), use ssh-agent/ssh-add, and build
# temporary git repositories for --base-ref. The gate itself needs none of
# this at run time except git (for --base-ref).
set -euo pipefail
need=()
command -v ssh-keygen >/dev/null 2>&1 && command -v ssh-agent >/dev/null 2>&1 && command -v ssh-add >/dev/null 2>&1 || need+=(openssh-client)
command -v git >/dev/null 2>&1 || need+=(git)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}"; else sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}"; fi
fi
ssh -V
git --version
