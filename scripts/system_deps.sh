#!/usr/bin/env bash
# The Debian packages the tests need beyond Python: chromium (the browser tests drive it through
# Playwright; no browser is downloaded), a Java runtime (Spark, tests/test_distributed.py) and
# curl (tests/test_serve.py). Installs only what is missing; as root directly, else through a
# password-less sudo; otherwise says which command to run and fails, so `make test` never
# silently skips a browser test on a machine that could have run it.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || [ -n "${JAVA_HOME:-}" ] || need+=(openjdk-17-jre-headless)
command -v curl >/dev/null 2>&1 || need+=(curl)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run=(sudo -n)
else
    echo "make test: the tests need the Debian packages ${need[*]}; run: sudo apt-get install -y ${need[*]}" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "make test: the tests need ${need[*]} and this machine has no apt-get; install them by hand" >&2
    exit 1
fi
echo "installing Debian packages for the tests: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
